// Fitting text to the characters a PDF font can draw. The 14 standard PDF fonts only encode
// WinAnsi (Windows-1252), and even an embedded Unicode font lacks some code points (emoji,
// CJK). pdf-lib throws on a character its font cannot encode, so every string is passed through
// here first: kept when the font has it, otherwise transliterated ("Łódź" -> "Lodz", Cyrillic
// and Greek romanised), and only dropped when there is no sensible ASCII stand-in. Every
// character that was not drawn as written is reported, so the caller can warn the user or embed
// a Unicode font instead.

// Letters NFKD does not decompose, punctuation WinAnsi lacks, and the Cyrillic and Greek alphabets
// (a simple, readable romanisation: enough for a recruiter to read a name, not a standard).
const TABLE: Readonly<Record<string, string>> = {
  "Ł": "L",
  "ł": "l",
  "Đ": "D",
  "đ": "d",
  "Ħ": "H",
  "ħ": "h",
  "ı": "i",
  "ĸ": "k",
  "Ŀ": "L",
  "ŀ": "l",
  "Ŋ": "N",
  "ŋ": "n",
  "Ŧ": "T",
  "ŧ": "t",
  "ẞ": "SS",
  "Ə": "E",
  "ə": "e",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "-",
  "−": "-",
  "‛": "'",
  "′": "'",
  "‟": '"',
  "″": '"',
  "‣": "-",
  "◦": "-",
  "▪": "-",
  "■": "-",
  "●": "-",
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "≈": "~",
  "★": "*",
  "№": "No.",
  "₹": "INR",
  "₽": "RUB",
  "₴": "UAH",
  "₺": "TRY",
  "₩": "KRW",
  "₪": "ILS",
  "₦": "NGN",
  // Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian letters)
  "А": "A",
  "Б": "B",
  "В": "V",
  "Г": "G",
  "Ґ": "G",
  "Д": "D",
  "Ђ": "Dj",
  "Е": "E",
  "Ё": "Yo",
  "Є": "Ye",
  "Ж": "Zh",
  "З": "Z",
  "И": "I",
  "І": "I",
  "Ї": "Yi",
  "Й": "Y",
  "Ј": "J",
  "К": "K",
  "Л": "L",
  "Љ": "Lj",
  "М": "M",
  "Н": "N",
  "Њ": "Nj",
  "О": "O",
  "П": "P",
  "Р": "R",
  "С": "S",
  "Т": "T",
  "Ћ": "C",
  "У": "U",
  "Ў": "U",
  "Ф": "F",
  "Х": "Kh",
  "Ц": "Ts",
  "Ч": "Ch",
  "Џ": "Dz",
  "Ш": "Sh",
  "Щ": "Shch",
  "Ъ": "",
  "Ы": "Y",
  "Ь": "",
  "Э": "E",
  "Ю": "Yu",
  "Я": "Ya",
  "а": "a",
  "б": "b",
  "в": "v",
  "г": "g",
  "ґ": "g",
  "д": "d",
  "ђ": "dj",
  "е": "e",
  "ё": "yo",
  "є": "ye",
  "ж": "zh",
  "з": "z",
  "и": "i",
  "і": "i",
  "ї": "yi",
  "й": "y",
  "ј": "j",
  "к": "k",
  "л": "l",
  "љ": "lj",
  "м": "m",
  "н": "n",
  "њ": "nj",
  "о": "o",
  "п": "p",
  "р": "r",
  "с": "s",
  "т": "t",
  "ћ": "c",
  "у": "u",
  "ў": "u",
  "ф": "f",
  "х": "kh",
  "ц": "ts",
  "ч": "ch",
  "џ": "dz",
  "ш": "sh",
  "щ": "shch",
  "ъ": "",
  "ы": "y",
  "ь": "",
  "э": "e",
  "ю": "yu",
  "я": "ya",
  // Greek
  "Α": "A",
  "Β": "V",
  "Γ": "G",
  "Δ": "D",
  "Ε": "E",
  "Ζ": "Z",
  "Η": "I",
  "Θ": "Th",
  "Ι": "I",
  "Κ": "K",
  "Λ": "L",
  "Μ": "M",
  "Ν": "N",
  "Ξ": "X",
  "Ο": "O",
  "Π": "P",
  "Ρ": "R",
  "Σ": "S",
  "Τ": "T",
  "Υ": "Y",
  "Φ": "F",
  "Χ": "Ch",
  "Ψ": "Ps",
  "Ω": "O",
  "α": "a",
  "β": "v",
  "γ": "g",
  "δ": "d",
  "ε": "e",
  "ζ": "z",
  "η": "i",
  "θ": "th",
  "ι": "i",
  "κ": "k",
  "λ": "l",
  "μ": "m",
  "ν": "n",
  "ξ": "x",
  "ο": "o",
  "π": "p",
  "ρ": "r",
  "σ": "s",
  "ς": "s",
  "τ": "t",
  "υ": "y",
  "φ": "f",
  "χ": "ch",
  "ψ": "ps",
  "ω": "o",
};

const MARK = /^\p{M}$/u;
const SPACE = /^\p{Zs}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function allSupported(text: string, supported: ReadonlySet<number>): boolean {
  for (const char of text) if (!supported.has(char.codePointAt(0) ?? -1)) return false;
  return true;
}

function substitute(char: string, supported: ReadonlySet<number>): string {
  const mapped = TABLE[char];
  if (mapped !== undefined && allSupported(mapped, supported)) return mapped;
  // "ź" is "z" + a combining acute; "ﬁ" is "fi"; a thin space is a space.
  const decomposed = char.normalize("NFKD");
  if (decomposed !== char) {
    let out = "";
    for (const part of decomposed) {
      if (supported.has(part.codePointAt(0) ?? -1)) out += part;
      else if (!MARK.test(part)) out += substitute(part, supported);
    }
    return out;
  }
  if (SPACE.test(char)) return supported.has(0x20) ? " " : "";
  // A letter the font cannot show is a visible gap in a name; "?" says so. Emoji, symbols,
  // marks and format characters (zero-width joiners, variation selectors) carry no words.
  if (LETTER_OR_DIGIT.test(char)) return supported.has(0x3f) ? "?" : "";
  return "";
}

/**
 * `text` with every character the font lacks replaced by its transliteration (or dropped). The
 * replaced characters are added to `replaced`, in order of first appearance.
 */
export function fitToCharset(text: string, supported: ReadonlySet<number>, replaced: Set<string>): string {
  let out = "";
  for (const char of text) {
    if (supported.has(char.codePointAt(0) ?? -1)) {
      out += char;
      continue;
    }
    replaced.add(char);
    out += substitute(char, supported);
  }
  return out;
}
