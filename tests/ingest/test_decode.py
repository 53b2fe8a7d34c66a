import codecs
import random

import pytest

from marsad.errors import BinaryInputError, DecodeError, EmptyInputError
from marsad.ingest.decode import decode_bytes

ARTICLE = (
    "أعلنت وزارة الصحة في بغداد، مساء الأحد، ارتفاع عدد المصابين بالكوليرا إلى 215 حالة.\n"
    "وقال المتحدث باسم الوزارة إن الفرق الطبية تعمل على مدار الساعة في المحافظات الجنوبية.\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("cp1256"), "cp1256"),
    ],
)
def test_text_is_recovered_whatever_the_encoding(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert text == ARTICLE
    assert found == encoding


def test_short_windows_1256_line_is_detected() -> None:
    text, found = decode_bytes("مرحبا بكم في نشرة الأخبار".encode("cp1256"))
    assert text == "مرحبا بكم في نشرة الأخبار"
    assert found == "cp1256"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", codecs.BOM_UTF8 + b"  \n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(data, path="x.txt")


def test_binary_input_is_refused_with_its_path() -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, path="photo.txt")
    assert "photo.txt" in str(info.value)


def test_random_bytes_are_not_guessed_into_text() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(DecodeError):
        decode_bytes(noise)


def test_invalid_bytes_after_a_bom_are_an_error() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00")
