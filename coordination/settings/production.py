"""Production: refuses to start with the development secret key or with DEBUG on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

SECRET_KEY = env_str("SECRET_KEY")
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY must be a random value of at least 32 characters.")
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)

if SIGNING_KEYS_DIR == BASE_DIR / "reports" / "devpki":  # noqa: F405
    raise ImproperlyConfigured("Set SIGNING_KEYS_DIR to the agencies' real signing certificates.")
