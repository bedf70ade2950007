"""What a language's share of the shipped content needs: every file, every text, the same
shape as the English (the same steps with the same minutes, as many choices and columns)."""

from pathlib import Path

from citypeers.core.content_files import read_content

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "citypeers"
ROOTS = {
    PACKAGE / "methodology" / "content": ("formats", "templates", "worksheets"),
    PACKAGE / "feedback" / "content": ("surveys",),
}
GUIDE = PACKAGE / "methodology" / "content" / "guide"
# Lists that must match the English one for one (an answer is kept by its position).
PARALLEL = {"choices", "columns"}


def content_files() -> list[tuple[Path, Path]]:
    return [
        (path, root)
        for root, kinds in ROOTS.items()
        for kind in kinds
        for path in sorted((root / kind).glob("*.toml"))
    ]


def _texts_problems(where: str, english: dict, texts: dict | None) -> list[str]:
    if not texts:
        return [f"{where}: missing"]
    problems = []
    for key, value in english.items():
        theirs = texts.get(key)
        if value and not theirs:
            problems.append(f"{where}: {key} missing")
        elif isinstance(value, str) and len(value) > 40 and theirs == value:
            problems.append(f"{where}: {key} is the English")
        elif key in PARALLEL and len(theirs) != len(value):
            problems.append(f"{where}: {key} has {len(theirs)} items, English {len(value)}")
        elif key == "steps" and [s["minutes"] for s in theirs] != [s["minutes"] for s in value]:
            problems.append(f"{where}: steps differ from the English in number or minutes")
        elif key == "steps" and not all(step.get("text") for step in theirs):
            problems.append(f"{where}: a step has no text")
    return problems


def content_problems(language: str) -> list[str]:
    problems = []
    for path, root in content_files():
        data = read_content(path, root)
        where = str(path.relative_to(PACKAGE))
        problems += _texts_problems(where, data["en"], data.get(language))
        for name, items in data.items():
            if (
                isinstance(items, list)
                and items
                and all("en" in i for i in items if isinstance(i, dict))
            ):
                for number, item in enumerate(items, 1):
                    if isinstance(item, dict) and "en" in item:
                        problems += _texts_problems(
                            f"{where} {name} {number}", item["en"], item.get(language)
                        )
    for chapter in sorted((GUIDE / "en").glob("*.md")):
        if not (GUIDE / language / chapter.name).exists():
            problems.append(f"guide/{language}/{chapter.name}: missing")
    return problems


if __name__ == "__main__":
    import sys

    found = [f"{code}: {problem}" for code in sys.argv[1:] for problem in content_problems(code)]
    print("\n".join(found) or "no problems")
