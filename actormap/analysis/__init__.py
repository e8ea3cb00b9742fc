"""Analysis: the findings (rules and their wording), coverage, profiles, slices of a map and comparisons."""
