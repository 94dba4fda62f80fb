namespace KneeGuide.Core;

/// <summary>
/// An immutable unit of work flowing through a pipeline, as in Statiq: where it came from, where it
/// goes, its content, and typed metadata ("facets") keyed by their CLR type instead of by string keys,
/// so a module asks for <c>doc.Get&lt;ArticleFrontMatter&gt;()</c> and the compiler checks the rest.
/// </summary>
public sealed class Document
{
    // A document has a handful of facets and is read far more often than changed: a small array
    // scanned by reference is several times faster to read than an immutable dictionary.
    private readonly (Type Type, object Value)[] _facets;

    public Document(string? source, string? destination, DocumentContent? content = null)
        : this(source, destination, content ?? DocumentContent.Empty, [])
    {
    }

    private Document(string? source, string? destination, DocumentContent content, (Type Type, object Value)[] facets)
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

    public T? Get<T>() where T : class
    {
        foreach (var (type, value) in _facets)
        {
            if (type == typeof(T))
            {
                // A facet restored from the build cache is decoded the first time it is asked for.
                return (T)(value is Caching.LazyFacet lazy ? lazy.Value : value);
            }
        }

        return null;
    }

    /// <summary>Whether the document has a facet of type T (without decoding a cached one).</summary>
    public bool Has<T>() where T : class => Has(typeof(T));

    public bool Has(Type type) => Array.Exists(_facets, f => f.Type == type);

    /// <summary>The facets as stored: values, or not yet decoded cache blobs (for the engine's cache).</summary>
    internal IReadOnlyList<(Type Type, object Value)> RawFacets => _facets;

    /// <summary>The document with a facet that is decoded from the cache when first asked for.</summary>
    internal Document WithLazyFacet(Type type, Caching.LazyFacet facet) =>
        new(Source, Destination, Content, SetFacet(type, facet));

    /// <summary>The document with several facets set at once (one copy of the facet array, not one per facet).</summary>
    internal Document WithFacets(IReadOnlyList<(Type Type, object Value)> facets)
    {
        var merged = new List<(Type Type, object Value)>(_facets.Length + facets.Count);
        foreach (var facet in _facets)
        {
            var replaced = false;
            for (var i = 0; i < facets.Count && !replaced; i++)
            {
                replaced = facets[i].Type == facet.Type;
            }

            if (!replaced)
            {
                merged.Add(facet);
            }
        }

        merged.AddRange(facets);
        return new(Source, Destination, Content, merged.ToArray());
    }

    /// <summary>The document without a facet chosen at run time.</summary>
    internal Document Without(Type type) =>
        Array.FindIndex(_facets, f => f.Type == type) < 0 ? this : new(Source, Destination, Content, Array.FindAll(_facets, f => f.Type != type));

    public T Require<T>() where T : class =>
        Get<T>() ?? throw new InvalidOperationException($"Document '{Source ?? Destination}' has no {typeof(T).Name}.");

    public Document With<T>(T facet) where T : class =>
        new(Source, Destination, Content, SetFacet(typeof(T), facet));

    /// <summary>Adds a facet keyed by its runtime type (for facets chosen at run time).</summary>
    public Document WithFacet(object facet) =>
        new(Source, Destination, Content, SetFacet(facet.GetType(), facet));

    /// <summary>The document without its facet of type T (what a later module consumed and nothing else needs).</summary>
    public Document Without<T>() where T : class =>
        Get<T>() is null ? this : new(Source, Destination, Content, Array.FindAll(_facets, f => f.Type != typeof(T)));

    private (Type Type, object Value)[] SetFacet(Type type, object value)
    {
        var index = Array.FindIndex(_facets, f => f.Type == type);
        if (index >= 0)
        {
            var replaced = ((Type Type, object Value)[])_facets.Clone();
            replaced[index] = (type, value);
            return replaced;
        }

        var added = new (Type Type, object Value)[_facets.Length + 1];
        _facets.CopyTo(added, 0);
        added[^1] = (type, value);
        return added;
    }

    public Document WithContent(DocumentContent content) => new(Source, Destination, content, _facets);

    public Document WithContent(string text) => WithContent(DocumentContent.FromText(text));

    public Document WithDestination(string? destination) => new(Source, destination, Content, _facets);

    public override string ToString() => Source ?? Destination ?? "(document)";
}
