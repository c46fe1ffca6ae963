"""Open Referral HSDS 3 JSON: records to a list of organizations and back, and schema validation.

The file is a JSON array of HSDS organizations, the shape of the specification's
`organization_package` schema: each organization with its phones, locations (with addresses,
phones, schedules) and services (with phones, schedules, languages, service areas,
service_at_locations and attributes). Where HSDS has no field of its own, we use its extension
points, documented here so that another system can read them:

- needs: an attribute per need, `link_type` "need", linking the service to a taxonomy_term of
  the taxonomy "likeverd-needs" (term id and code stable across installations);
- urgent help: an attribute, `link_type` "flag", to the term "urgent" of "likeverd-flags";
- the "other actor" an organization is in the triage data (LDO, POLITIET, DO, ...): an
  organization_identifier with `identifier_scheme` "likeverd-actor";
- last checked: the service's `assured_date` ("the date the information was last checked");
- service area: `name` is the place, `extent` the ISO 3166 country code, `extent_type` one of
  "country", "region", "municipality".

The schema files in `hsds_schema/` are the specification's, unchanged (see its README).
"""

from likeverd.directory.hsds.reading import from_hsds
from likeverd.directory.hsds.schema import SCHEMA_DIR, schema_errors
from likeverd.directory.hsds.writing import ACTOR_SCHEME, FLAGS_TAXONOMY, NEEDS_TAXONOMY, URGENT_TERM, to_hsds

__all__ = [
    "ACTOR_SCHEME",
    "FLAGS_TAXONOMY",
    "NEEDS_TAXONOMY",
    "SCHEMA_DIR",
    "URGENT_TERM",
    "from_hsds",
    "schema_errors",
    "to_hsds",
]
