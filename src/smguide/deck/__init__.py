"""The deck: the plan, the theme, slide builders, text fitting and the package writer."""
