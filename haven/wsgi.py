import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
application = get_wsgi_application()

# Compile templates and load catalogues now rather than on the first requests, then keep the collector from
# walking them again (core/warmup.py: one request in twenty took 100 ms longer without it).
from core.warmup import warm_and_freeze  # noqa: E402

warm_and_freeze()
