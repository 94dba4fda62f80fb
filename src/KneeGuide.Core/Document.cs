using System.Collections.Immutable;

namespace KneeGuide.Core;

/// <summary>
/// An immutable unit of work flowing through a pipeline, as in Statiq: where it came from, where it
/// goes, its content, and typed metadata ("facets") keyed by their CLR type instead of by string keys,
/// so a module asks for <c>doc.Get&lt;ArticleFrontMatter&gt;()</c> and the compiler checks the rest.
/// </summary>
public sealed class Document
{
    private readonly ImmutableDictionary<Type, object> _facets;

    public Document(string? source, string? destination, DocumentContent? content = null)
        : this(source, destination, content ?? DocumentContent.Empty, ImmutableDictionary<Type, object>.Empty)
    {
    }

    private Document(string? source, string? destination, DocumentContent content, ImmutableDictionary<Type, object> facets)
    {
        Source = source;
        Destination = destination;
        Content = content;
        _facets = facets;
    }

    /// <summary>Path relative to the input folder with forward slashes (null for generated documents).</summary>
    public string? Source { get; }

    /// <summary>Path relative to the output folder with forward slashes (null when nothing is written).</summary>
    public string? Destination { get; }

    public DocumentContent Content { get; }

    public T? Get<T>() where T : class => _facets.TryGetValue(typeof(T), out var value) ? (T)value : null;

    public T Require<T>() where T : class =>
        Get<T>() ?? throw new InvalidOperationException($"Document '{Source ?? Destination}' has no {typeof(T).Name}.");

    public Document With<T>(T facet) where T : class =>
        new(Source, Destination, Content, _facets.SetItem(typeof(T), facet));

    /// <summary>Adds a facet keyed by its runtime type (for facets chosen at run time).</summary>
    public Document WithFacet(object facet) =>
        new(Source, Destination, Content, _facets.SetItem(facet.GetType(), facet));

    public Document WithContent(DocumentContent content) => new(Source, Destination, content, _facets);

    public Document WithContent(string text) => WithContent(DocumentContent.FromText(text));

    public Document WithDestination(string? destination) => new(Source, destination, Content, _facets);

    public override string ToString() => Source ?? Destination ?? "(document)";
}
