"""The rich-text elements the catalogue format allows, as Wagtail editor features."""

# p, h2-h4, ul/ol/li, strong, em, a[href] and blockquote: nothing else can be
# typed in the editor, so nothing else can reach an export.
CATALOGUE_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]
