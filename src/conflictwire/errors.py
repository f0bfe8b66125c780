"""Errors a user can act on. Each carries a code and a message that says what to do.

ConflictwireError
├── InputError          (CW1xx) an item could not be read as an article
│   ├── EmptyInput      CW101
│   ├── BinaryInput     CW102
│   ├── TooLarge        CW103
│   ├── NoArticleText   CW104
│   ├── BadBatchLine    CW105
│   └── Unsupported     CW106 (language)
└── KnowledgeError      (CW2xx) a shipped or user data file is broken
"""

from __future__ import annotations


class ConflictwireError(Exception):
    code = "CW000"

    def __str__(self) -> str:
        return f"{self.args[0]} [{self.code}]" if self.args else self.code


class InputError(ConflictwireError):
    code = "CW100"


class EmptyInput(InputError):
    code = "CW101"


class BinaryInput(InputError):
    code = "CW102"


class TooLarge(InputError):
    code = "CW103"


class NoArticleText(InputError):
    code = "CW104"


class BadBatchLine(InputError):
    code = "CW105"


class Unsupported(InputError):
    code = "CW106"


class KnowledgeError(ConflictwireError):
    code = "CW200"
