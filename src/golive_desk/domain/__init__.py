"""Pure domain: entities, enums, rules, the op vocabulary and merge. No Qt, no SQL."""
