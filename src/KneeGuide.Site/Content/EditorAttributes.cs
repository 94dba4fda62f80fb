namespace KneeGuide.Site.Content;

// What a front matter property means beyond its type, for editors' tools (the web editor's form,
// src/KneeGuide.Site/Cms): the build's own checks stay where they are (YamlBinder, BuildSiteIndex,
// FrontMatterValueRules); these attributes say the same rules to a tool that cannot run them.

/// <summary>The value names other content (exercise ids, mobility slugs): the web editor offers a pick list of it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferencesAttribute(ContentKind kind) : Attribute
{
    public ContentKind Kind { get; } = kind;
}

/// <summary>
/// The usual values of a free list (targets, equipment): the web editor offers them as a select.
/// The build accepts other values too; values already used in the site's files are offered as well.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VocabularyAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}

/// <summary>
/// Each item of a list must match this JavaScript-compatible pattern (no Unicode classes: the web
/// editor compiles it with <c>RegExp</c> and no flags). It may be stricter than the build's check,
/// never looser; a test keeps the two in step.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemPatternAttribute(string pattern, string message) : Attribute
{
    public string Pattern { get; } = pattern;

    public string Message { get; } = message;
}

/// <summary>
/// A map from a value the content uses to a text (site.yml's tag titles): the web editor has no form
/// for free keys, so it shows one optional text field per value the site's pages use in the named
/// front matter list.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeysFromAttribute(string property, params Type[] models) : Attribute
{
    public IReadOnlyList<System.Reflection.PropertyInfo> Sources { get; } =
        [.. models.Select(m => m.GetProperty(property) ?? throw new ArgumentException($"{m.Name} has no property {property}"))];
}

/// <summary>
/// A translation may repeat this value only as its original has it (a dosage's numbers), because a
/// patient must get the same programme in every language: the build compares it with the original's
/// property of the same name (KG1704), and the web editor leaves it out of the translation's form,
/// so the value is written once, in the original.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MatchesOriginalAttribute : Attribute;
