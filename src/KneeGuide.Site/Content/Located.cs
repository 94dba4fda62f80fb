using KneeGuide.Core;

namespace KneeGuide.Site.Content;

/// <summary>A front matter value with the place the editor wrote it, for errors about references.</summary>
public sealed record Located<T>(T Value, SourceLocation Location)
{
    public override string ToString() => Value?.ToString() ?? string.Empty;
}
