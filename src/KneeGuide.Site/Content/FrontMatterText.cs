namespace KneeGuide.Site.Content;

/// <summary>
/// The raw YAML of a page's front matter, kept on its document so that the preview can tell an edit
/// of the body alone (same YAML: same page facts, same front matter diagnostics, same line numbers
/// for the body) from one that changes what other pages show.
/// </summary>
public sealed record FrontMatterText(string Yaml);
