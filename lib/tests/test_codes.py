from lib.codes import CROCKFORD, READABLE, crockford_canonical, random_code


def test_random_code_uses_only_its_alphabet_in_groups():
    code = random_code(READABLE, 16)
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert set("".join(groups)) <= set(READABLE)
    assert random_code(READABLE, 16) != code  # 79 bits: a repeat would mean the generator is broken


def test_crockford_codes_read_look_alikes_and_refuse_the_rest():
    code = random_code(CROCKFORD, 8)
    assert crockford_canonical(code.lower().replace("-", " "), 8) == code
    assert crockford_canonical("oIl0-ABCD", 8) == "0110-ABCD"
    assert crockford_canonical("ABCD", 8) == ""
    assert crockford_canonical("ABCD-EFG!", 8) == ""
