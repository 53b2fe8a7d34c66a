import numpy as np
import pytest

from marsad.corpus.duplicates import DuplicateIndex, MemorySketchStore, find_duplicates, lsh_parameters
from marsad.corpus.signatures import date_day, make_signature, minhash_of, shingle_hashes
from marsad.document import Document, Metadata
from marsad.settings import Settings

SETTINGS = Settings()

WIRE = (
    "أعلنت وزارة الصحة في محافظة الحديدة، صباح اليوم الأحد، أن حصيلة ضحايا السيول التي اجتاحت مديرية الزهرة ارتفعت "
    "إلى 14 قتيلا و31 مصابا، فيما لا يزال البحث جاريا عن خمسة مفقودين جرفتهم المياه قرب الوادي. وقال مدير مكتب "
    "الصحة في المحافظة إن فرق الإنقاذ تمكنت من إجلاء أكثر من 200 أسرة إلى مدارس المنطقة، وإن الأمطار الغزيرة "
    "ألحقت أضرارا كبيرة بالطرق والجسور وشبكات الكهرباء. وطالبت السلطات المحلية المنظمات الإنسانية بتقديم "
    "المساعدات العاجلة للأسر المتضررة وتوفير المأوى والغذاء والدواء في أقرب وقت ممكن."
)
# The same wire with punctuation, diacritics and tatweel changed: an exact copy once normalised.
WIRE_RETYPED = WIRE.replace("،", " ,").replace("أعلنت", "أَعْلَنَتْ").replace("الصحة", "الصحـــة").replace(".", " .")
# A near-copy: an outlet changes a verb and drops the closing words.
WIRE_EDITED = WIRE.replace("وقال مدير", "وأوضح مدير").replace(" في أقرب وقت ممكن", "")
# The same event told in other words: a story, not a copy.
REWRITE = (
    "لقي 14 شخصا حتفهم وأصيب 31 آخرون جراء سيول جارفة ضربت مديرية الزهرة شمال الحديدة، بحسب ما أفاد به مسؤول "
    "صحي محلي، مشيرا إلى أن خمسة أشخاص ما زالوا في عداد المفقودين. وأضاف أن مئتي أسرة نقلت إلى مدارس قريبة بعد "
    "أن غمرت المياه منازلها، في حين تضررت الطرق وانقطعت الكهرباء عن قرى عدة."
)


def _signature(doc_id: str, text: str, order: int, published: str | None = None):
    return make_signature(Document(doc_id, text, Metadata(published=published, language="ar")), order, SETTINGS)


def _duplicates(*signatures):
    return find_duplicates(signatures, threshold=SETTINGS.duplicate_threshold, num_perm=SETTINGS.minhash_permutations)


def test_an_exact_copy_after_normalisation_points_at_the_earliest_by_date() -> None:
    later = _signature("later", WIRE, 0, "2024-02-12")
    earlier = _signature("earlier", WIRE_RETYPED, 1, "2024-02-11T23:10:00")
    assert later.exact_key == earlier.exact_key
    assert _duplicates(later, earlier) == {"later": "earlier"}


def test_a_lightly_edited_wire_copy_is_a_near_duplicate_and_a_rewrite_is_not() -> None:
    signatures = [
        _signature("wire", WIRE, 0, "2024-02-11"),
        _signature("edited", WIRE_EDITED, 1, "2024-02-11"),
        _signature("rewrite", REWRITE, 2, "2024-02-11"),
    ]
    assert signatures[0].exact_key != signatures[1].exact_key
    assert _duplicates(*signatures) == {"edited": "wire"}


def test_on_the_same_day_input_order_decides_and_undated_copies_come_last() -> None:
    signatures = [
        _signature("undated", WIRE, 0),
        _signature("day_only", WIRE, 2, "2024-02-11"),  # midnight if read as a time, but only the day is known
        _signature("at_nine", WIRE, 1, "2024-02-11T09:00"),
        _signature("day_before", WIRE_RETYPED, 3, "2024-02-10T23:59"),
    ]
    assert _duplicates(*signatures[:3]) == {"day_only": "at_nine", "undated": "at_nine"}
    assert _duplicates(*signatures) == {"day_only": "day_before", "at_nine": "day_before", "undated": "day_before"}


def test_documents_without_words_are_nobody_s_copy() -> None:
    assert _duplicates(_signature("a", "...", 0), _signature("b", "!!", 1)) == {}


def test_batches_give_the_same_result_as_one_insert() -> None:
    signatures = [_signature(f"d{i}", WIRE if i % 2 else REWRITE, i) for i in range(7)]
    one = find_duplicates(signatures, threshold=0.8, num_perm=SETTINGS.minhash_permutations)
    batched = find_duplicates(signatures, threshold=0.8, num_perm=SETTINGS.minhash_permutations, batch_size=2)
    assert one == batched == {"d3": "d1", "d5": "d1", "d2": "d0", "d4": "d0", "d6": "d0"}


def test_the_index_refuses_sketches_of_another_size() -> None:
    index = DuplicateIndex(threshold=0.8, num_perm=64)
    with pytest.raises(ValueError, match="index expects 64"):
        index.insert_batch([_signature("a", WIRE, 0)])


def test_minhash_values_are_datasketch_s() -> None:
    from datasketch import MinHash

    hashes = shingle_hashes(WIRE.split(), SETTINGS.shingle_size)
    theirs = MinHash(num_perm=SETTINGS.minhash_permutations, seed=SETTINGS.seed, hashfunc=int, scheme="affine32")
    theirs.update_batch(hashes.tolist())
    assert np.array_equal(minhash_of(hashes, SETTINGS), theirs.hashvalues)


def test_bands_and_rows_are_datasketch_s() -> None:
    from datasketch.lsh import _optimal_param

    for threshold in (0.5, 0.8, 0.9):
        assert lsh_parameters(threshold, 128) == _optimal_param(threshold, 128, 0.5, 0.5)


def test_truncated_sketches_still_estimate_similarity() -> None:
    store = MemorySketchStore(bits=8)
    index = DuplicateIndex(threshold=0.8, num_perm=SETTINGS.minhash_permutations, store=store)
    index.insert_batch([_signature("wire", WIRE, 0), _signature("edited", WIRE_EDITED, 1), _signature("rewrite", REWRITE, 2)])
    assert index.duplicates() == {"edited": "wire"}


def test_dates_are_placed_to_the_day() -> None:
    assert date_day("1970-01-03T22:00:00+03:00") == 2
    assert date_day("2024-02-11") == date_day("2024-02-11T09:00")
    assert date_day(None) is None and date_day("unknown") is None
