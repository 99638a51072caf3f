"""A member city's catalogue upload in the admin (docs/decisions/0055-catalogue-upload-in-the-admin.md).

The same scoped import as `import_catalogue FILE --city ID --user EMAIL`, run
from a form: the user picks one of the cities they may import for, the file
is checked whole, and what it writes lands as drafts in the IOM review.
"""
