from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site-wide machinery in config/: page cache invalidation, health check, security headers.

    It is an app only so that its signal receivers are connected at start-up;
    it has no models.
    """

    name = "config"
    label = "site_config"
    verbose_name = "Site configuration"

    def ready(self):
        from sitewide import content_version

        content_version.connect_signals()
