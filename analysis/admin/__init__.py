"""Curation in the admin: Arabic, right-to-left, every change through `analysis.services.curation`.

`base` holds what every model's admin shares (normalized search, change reasons, history); `documents`,
`actors` (with aliases), `engagements` and `disagreements` (the queue of sources that disagree) register
one model's admin each.
"""

from django.contrib import admin

from analysis.admin import actors, disagreements, documents, engagements  # noqa: F401 - each registers its admin
from analysis.web.formats import SITE_NAME

admin.site.site_header = f"إدارة {SITE_NAME}"
admin.site.site_title = SITE_NAME
admin.site.index_title = "تنقيح الوقائع المستخرَجة"
