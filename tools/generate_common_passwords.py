#!/usr/bin/env python3
"""Generates src/main/resources/security/common-passwords.txt: guessable passwords of 12 to 64 characters.

No published breach list is shipped; the list is built from the patterns that dominate the long entries of the
public lists (keyboard walks, a common word plus digits/years/symbols, repeated words, digit runs, famous
phrases). All entries are lower case; PasswordPolicy compares case-insensitively and also with spaces removed.
Run: python3 tools/generate_common_passwords.py > src/main/resources/security/common-passwords.txt
"""
import itertools

WORDS = ["password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertz", "azerty", "iloveyou", "letmein",
         "welcome", "admin", "administrator", "changeme", "secret", "monkey", "dragon", "football", "baseball",
         "superman", "batman", "sunshine", "princess", "shadow", "master", "michael", "jessica", "charlie",
         "trustno1", "whatever", "starwars", "computer", "internet", "login", "abc123", "hello", "freedom",
         "summer", "winter", "spring", "autumn", "company", "business", "buyer", "seller", "customer", "store",
         "shop", "default", "test", "testing", "user", "guest", "root", "access", "mustang", "soccer", "hockey",
         "killer", "pokemon", "liverpool", "chelsea", "arsenal", "january", "february", "december", "google",
         "facebook", "microsoft", "apple", "samsung", "passwort", "hallo", "geheim", "willkommen", "schatz",
         "motdepasse", "contrasena", "baseball", "zaq1zaq1", "1q2w3e4r", "1qaz2wsx", "asdfghjkl", "zxcvbnm"]
SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "1!",
            "123!", "@123", "#1", "01", "007", "69", "99", "2000", "!!", "?"]
YEARS = [str(y) for y in range(1960, 2031)]


def walks():
    rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm", "azertyuiop",
            "0987654321", "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "1q2w3e4r5t6y7u8i9o0p", "1qaz2wsx3edc4rfv5tgb",
            "qazwsxedcrfvtgbyhn", "!@#$%^&*()", "abcdefghijklmnopqrstuvwxyz", "zaq12wsxcde3",
            "qwertyuiopasdfghjklzxcvbnm", "1234567890qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm",
            "azertyuiopqsdfghjklmwxcvbn"]
    for row in rows:
        for start in range(len(row)):
            for end in range(start + 12, len(row) + 1):
                yield row[start:end]
        for n in range(4, 9):
            yield row[:n] * (12 // n + 1)
    combos = ["qwerty", "asdfgh", "zxcvbn", "123456", "654321", "qwertz", "azerty", "1qaz2wsx", "qweasd",
              "qweasdzxc", "asdf", "qwer", "zxcv", "1234", "abcd", "!@#$"]
    for a, b in itertools.product(combos, repeat=2):
        yield a + b
    for a, b, c in itertools.product(combos, repeat=3):
        yield a + b + c


def digits():
    for d in "0123456789":
        for n in range(12, 21):
            yield d * n
    seq = "12345678901234567890"
    for n in range(12, 21):
        yield seq[:n]
    for unit in ["12", "123", "1234", "12345", "123456", "112233", "121212", "123123", "69", "007", "2580",
                 "147258369", "159753", "789456123", "1212", "1122", "abc", "abc123", "xyz"]:
        yield unit * (12 // len(unit) + 1)
        yield unit * (24 // len(unit) + 1)
    for year in YEARS:
        yield year * 3
        for other in YEARS[::5]:
            yield year + other + year


def words():
    for word in WORDS:
        for suffix in SUFFIXES + YEARS:
            yield word + suffix
            yield suffix + word
        for n in (2, 3, 4):
            yield word * n
        yield word + word[::-1]
        for year in YEARS:
            for symbol in ("!", "!!", "?", "#", ".", "@", "$", "*"):
                yield word + year + symbol
        yield "my" + word + "123"
        yield "my" + word + "1234"
        yield "the" + word + "123"
    for a, b in itertools.product(WORDS[:40], repeat=2):
        yield a + b


PHRASES = ["correcthorsebatterystaple", "iloveyousomuch", "iloveyouforever", "iloveyoubaby", "iloveyoumore",
           "letmeinplease", "letmeinnow123", "thequickbrownfox", "thequickbrownfoxjumpsoverthelazydog",
           "ihavenopassword", "whateveryouwant", "passwordpassword", "changemenow123", "mypasswordis",
           "thisismypassword", "thisisapassword", "ilovemyfamily", "ilovemymom", "ilovemydog", "ilovejesus",
           "jesuschrist", "jesusismysavior", "godisgood123", "blessedandhighlyfavored", "maytheforcebewithyou",
           "nevergonnagiveyouup", "onetwothreefour", "onetwothreefourfive", "abcdefghijkl", "administrator1",
           "welcometothejungle", "hellokitty123", "supercalifragilisticexpialidocious", "iamtheone123",
           "opensesame123", "letmeinletmein", "trustnoone123", "bigdaddy1234", "princessprincess",
           "blink182blink182", "teamo123456789", "tequieromucho", "ichliebedich", "ichliebedich123",
           "jetaime123456", "tiamo12345678", "pleaseletmein", "wachtwoord123", "motdepasse123"]


def main():
    out = set()
    for candidate in itertools.chain(walks(), digits(), words(), PHRASES):
        candidate = candidate.lower()
        if 12 <= len(candidate) <= 64:
            out.add(candidate)
    for candidate in sorted(out):
        print(candidate)


if __name__ == "__main__":
    main()
