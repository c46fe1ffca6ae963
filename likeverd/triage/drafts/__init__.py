"""Drafts of a case's letters (issue 9): a complaint to the tribunal or a report to the ombudsman,
a police report, a letter asking the counterpart for an explanation. Prefilled from the case,
edited by the adviser, stored on the case as encrypted .docx and PDF documents, one version per
save. Nothing is sent anywhere: the adviser sends the file when it is ready.

Modules: models, layouts (the replaceable template files and their rendering), selectors,
services, forms, views, urls.
"""
