"""gunicorn's settings for production (README.md, Running in production):

    gunicorn --config python:likeverd.config.gunicorn likeverd.config.wsgi

Options given on the command line win over these. The access log holds the method, the path
without its query string (search words travel there), the status, the size and the time taken:
no client address, no referrer, no browser.
"""

import os

bind = [os.environ.get("LIKEVERD_BIND", "127.0.0.1:8000")]
# Sync workers, one per core: a request is short, and the slow password hash uses one core fully.
workers = int(os.environ.get("LIKEVERD_WEB_WORKERS", "0")) or os.cpu_count() or 1
# A worker silent this long is restarted. Uploads reach the worker only once the proxy has
# buffered them, so a slow connection does not count against it.
timeout = int(os.environ.get("LIKEVERD_WEB_TIMEOUT", "60"))
# A sync worker serves one request at a time, so it keeps one database connection open between
# requests (checked before reuse) rather than opening one per request: for PostgreSQL that is a
# new server process each time. The settings read this when a worker loads Django.
os.environ.setdefault("LIKEVERD_DB_CONN_MAX_AGE", "60")
graceful_timeout = 30
keepalive = 5
# The proxy's address: only from there are X-Forwarded-Proto and X-Forwarded-For believed.
forwarded_allow_ips = os.environ.get("LIKEVERD_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"


def post_worker_init(worker: object) -> None:
    """Once the worker has loaded Django, everything loaded so far lives as long as the worker:
    `gc.freeze` takes it out of the garbage collector's walks. Without it, a full collection,
    which a large page sets off now and then, walks the whole loaded program (tens of
    milliseconds) inside some unlucky request: the slow tail of every page (`make bench`)."""
    import gc

    gc.collect()
    gc.freeze()
