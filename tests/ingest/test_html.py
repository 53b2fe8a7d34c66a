import pytest

from marsad.errors import EmptyInputError
from marsad.ingest.html import extract_html

PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>ارتفاع منسوب نهر دجلة | شبكة الرافدين</title>
<meta name="author" content="نور الهدى كاظم">
<meta property="article:published_time" content="2022-11-03T08:15:00">
<meta property="og:site_name" content="شبكة الرافدين">
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/iraq">العراق</a> | <a href="/sport">رياضة</a></nav>
<article><h1>ارتفاع منسوب نهر دجلة</h1>
<p>قالت وزارة الموارد المائية العراقية إن منسوب نهر دجلة ارتفع خلال الأيام الثلاثة الماضية بنحو مترين بعد أمطار غزيرة في المناطق الشمالية.</p>
<p>وأضافت الوزارة في بيان أن السدود الرئيسية قادرة على استيعاب الموجة الحالية، داعية السكان إلى الابتعاد عن ضفاف النهر.
<p>وتشهد البلاد منذ سنوات موجات جفاف متتالية أدت إلى تراجع المساحات المزروعة.
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def test_main_text_and_metadata_come_out_of_broken_html() -> None:
    page = extract_html(PAGE)
    assert "ارتفع خلال الأيام الثلاثة الماضية" in page.text
    assert "وتشهد البلاد منذ سنوات" in page.text  # unclosed <p> recovered
    assert "جميع الحقوق محفوظة" not in page.text
    assert "رياضة" not in page.text
    assert page.author == "نور الهدى كاظم"
    assert page.date == "2022-11-03"
    assert page.site == "شبكة الرافدين"


def test_page_without_main_text_is_empty() -> None:
    with pytest.raises(EmptyInputError):
        extract_html("<html><head><title>صفحة</title></head><body><div> </div></body></html>", path="blank.html")
