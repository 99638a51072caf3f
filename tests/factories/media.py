"""Images and documents, in the root collection unless a city's collection is given."""

import io

import factory
import wagtail_factories
from PIL import Image

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.models import Collection


def png(name, size, colour):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


class ImageFactory(wagtail_factories.ImageFactory):
    """A real PNG of one colour, its file named after its title unless `filename` is given."""

    title = factory.Sequence(lambda n: f"photo-{n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(lambda image: png(image.filename, image.size, image.colour))

    class Params:
        filename = factory.LazyAttribute(lambda image: f"{image.title}.png")
        size = (640, 480)
        colour = (40, 90, 140)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A minimal PDF, its file named after its title unless `filename` is given."""

    title = factory.Sequence(lambda n: f"document-{n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(lambda document: ContentFile(b"%PDF-1.4\n%%EOF\n", name=document.filename))

    class Params:
        filename = factory.LazyAttribute(lambda document: f"{document.title}.pdf")
