import csv
import io
import json

from openpyxl import load_workbook

from likeverd.statistics.charts import HIDDEN_MARK
from likeverd.statistics.exports import About, as_csv, as_json, as_xlsx
from likeverd.statistics.tests import tables_for_tests as made

ABOUT = About(
    title="Årsrapport 2019 · DiMe Oslo",
    start="2019-01-01",
    end="2019-12-31",
    offices=(("OSL", "DiMe Oslo"),),
    language="nb",
    controlled=True,
)


def test_json_is_the_open_data_shape_of_the_issue() -> None:
    document = json.loads(as_json(made.all_tables(), about=ABOUT))
    assert [table["id"] for table in document["tables"]] == [
        "cases_by_category",
        "cases_by_month",
        "mediation_outcomes",
        "income",
    ]
    category = document["tables"][0]
    assert set(category) == {"id", "title", "columns", "rows", "suppressed"}
    assert category["title"] == "Saker etter samfunnsområde"
    assert category["columns"] == ["Saker"]
    assert category["rows"][1] == {"label": "Bolig og nabokonflikter", "values": [15]}
    assert category["rows"][3] == {"label": "NAV", "values": [None]}  # suppressed: null, never 0
    assert category["rows"][-1] == {"label": "I alt", "values": [60]}  # the total row last
    assert category["suppressed"] is True
    assert document["period"] == {"from": "2019-01-01", "to": "2019-12-31"}
    assert document["offices"] == [{"code": "OSL", "name": "DiMe Oslo"}]
    assert document["disclosure_controlled"] is True


def test_json_without_metadata_is_only_the_tables() -> None:
    assert set(json.loads(as_json(made.all_tables()))) == {"tables"}


def test_csv_has_one_line_per_figure_with_the_table_id() -> None:
    lines = list(csv.DictReader(io.StringIO(as_csv(made.all_tables()).decode("utf-8"))))
    by_table = {line["table_id"] for line in lines}
    assert by_table == {"cases_by_category", "cases_by_month", "mediation_outcomes", "income"}
    housing = next(line for line in lines if line["row"] == "Bolig og nabokonflikter")
    assert housing == {
        "table_id": "cases_by_category",
        "table": "Saker etter samfunnsområde",
        "row_key": "c1",
        "row": "Bolig og nabokonflikter",
        "column": "Saker",
        "value": "15",
        "unit": "",
        "suppressed": "0",
    }
    hidden = next(line for line in lines if line["row"] == "NAV")
    assert (hidden["value"], hidden["suppressed"]) == ("", "1")
    total = next(
        line for line in lines if line["table_id"] == "cases_by_category" and line["row_key"] == "total"
    )
    assert total["value"] == "60"
    received = [line for line in lines if line["table_id"] == "income" and line["column"] == "Mottatt"]
    assert [line["value"] for line in received] == ["500000", "125000", "625000"]
    assert {line["unit"] for line in received} == {"NOK"}
    # Three mediation rows of three columns.
    assert len([line for line in lines if line["table_id"] == "mediation_outcomes"]) == 9


def test_xlsx_reads_back_one_sheet_per_table_with_numbers_as_numbers() -> None:
    workbook = load_workbook(io.BytesIO(as_xlsx(made.all_tables(), about=ABOUT)))
    assert workbook.sheetnames == [
        "about",
        "cases_by_category",
        "cases_by_month",
        "mediation_outcomes",
        "income",
    ]
    about = workbook["about"]
    assert about["A1"].value == "Årsrapport 2019 · DiMe Oslo"
    legend = [row for row in about.iter_rows(values_only=True) if row[0] == HIDDEN_MARK]
    assert legend
    assert "hidden" in str(legend[0][1])

    sheet = workbook["cases_by_category"]
    assert sheet["A1"].value == "Saker etter samfunnsområde"
    assert sheet["B3"].value == "Saker"
    assert sheet["B3"].font.bold
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert rows["Bolig og nabokonflikter"] == 15
    assert isinstance(rows["Bolig og nabokonflikter"], int)
    assert rows["NAV"] == HIDDEN_MARK
    assert rows["I alt"] == 60
    notes = [
        row[0] for row in sheet.iter_rows(values_only=True) if row[0] and str(row[0]).startswith(HIDDEN_MARK)
    ]
    assert notes  # the legend under a table with hidden cells

    money = workbook["income"]
    assert money["B3"].value == "Bevilget (NOK)"
    assert [row[2] for row in money.iter_rows(min_row=4, max_row=6, values_only=True)] == [
        500_000,
        125_000,
        625_000,
    ]
    assert not [
        row for row in money.iter_rows(values_only=True) if row[0] and str(row[0]).startswith(HIDDEN_MARK)
    ]
