"""The ground every app stands on: rich text, figures, partial dates, locale reading and formatting.

Nothing here imports another app of the project (docs/decisions/0070-layered-apps.md).
"""
