"""Production's static files storage: WhiteNoise's compressed, hashed files, minus source maps.

Django rewrites `sourceMappingURL` comments to hashed names, and stops
collectstatic when a map is missing, as it is for vendored files that ship
without theirs (Leaflet's leaflet.js names leaflet.js.map). Source maps are
a debugging aid no reader needs, so a deployment must never fail for one:
their comments are left as they are. Every other reference (CSS url() and
@import) is still rewritten to the hashed name, and a missing one still
stops collectstatic.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    kept = []
    for glob, rules in patterns:
        rules = tuple(
            rule for rule in rules if "sourceMappingURL" not in (rule[0] if isinstance(rule, tuple) else rule)
        )
        if rules:
            kept.append((glob, rules))
    return tuple(kept)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
