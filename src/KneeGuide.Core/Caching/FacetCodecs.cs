namespace KneeGuide.Core.Caching;

/// <summary>
/// How each facet type is written to and read from the build cache. A cached module chain may only
/// produce facets registered here (the engine refuses to cache anything else), and each has a stable
/// name, so a cache written by one build is read correctly by the next.
/// </summary>
public sealed class FacetCodecs
{
    private readonly Dictionary<Type, Codec> _byType = [];
    private readonly Dictionary<string, Codec> _byName = new(StringComparer.Ordinal);

    public FacetCodecs Add<T>(string name, Action<CacheWriter, T> write, Func<CacheReader, T> read) where T : class
    {
        var codec = new Codec(name, typeof(T), (w, v) => write(w, (T)v), r => read(r));
        _byType.Add(typeof(T), codec);
        _byName.Add(name, codec);
        return this;
    }

    internal Codec For(Type type) =>
        _byType.TryGetValue(type, out var codec) ? codec : throw new InvalidOperationException($"The facet {type.Name} has no cache codec: register one in FacetCodecs before caching the module that makes it.");

    internal Codec? For(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Encodes one facet into a blob of its own (so it can be decoded alone, only when asked for).</summary>
    public byte[] Encode(Type type, object value)
    {
        var writer = new CacheWriter();
        For(type).Write(writer, value);
        return writer.ToArray();
    }

    /// <summary>Decodes a blob <see cref="Encode"/> made of a <typeparamref name="T"/>.</summary>
    public T Decode<T>(ReadOnlyMemory<byte> blob) where T : class => (T)For(typeof(T)).Read(new CacheReader(blob));

    internal sealed record Codec(string Name, Type Type, Action<CacheWriter, object> Write, Func<CacheReader, object> Read);
}

/// <summary>
/// A facet restored from the build cache, decoded on first use: a build that finds most pages
/// unchanged never decodes what it does not look at (an unchanged page's body HTML, for one).
/// </summary>
internal sealed class LazyFacet(FacetCodecs.Codec codec, ReadOnlyMemory<byte> blob)
{
    private object? _value;

    // Without a lock (Lazy<T> took one per facet, and pages read each other's facets from every
    // thread): decoding is pure, so two threads that race both decode and all see the first result.
    public object Value => Volatile.Read(ref _value) ?? Decode();

    public ReadOnlyMemory<byte> Blob => blob;

    private object Decode()
    {
        var value = codec.Read(new CacheReader(blob));
        return Interlocked.CompareExchange(ref _value, value, null) ?? value;
    }
}

/// <summary>
/// The content hash of each facet a cached chain produced (of its encoded form), so later work can
/// key on a facet without decoding it: link validation keys a page on the hash of its links.
/// </summary>
public sealed class FacetHashes
{
    // A handful per document, read by reference like the document's own facets.
    private readonly (Type Type, UInt128 Hash)[] _hashes;

    private FacetHashes((Type Type, UInt128 Hash)[] hashes) => _hashes = hashes;

    public UInt128? Of<T>() where T : class => Of(typeof(T));

    public UInt128? Of(Type type)
    {
        foreach (var (known, hash) in _hashes)
        {
            if (known == type)
            {
                return hash;
            }
        }

        return null;
    }

    /// <summary>These hashes with <paramref name="added"/> put in (replacing a facet's earlier hash).</summary>
    internal static FacetHashes Merge(FacetHashes? earlier, IReadOnlyList<(Type Type, UInt128 Hash)> added)
    {
        var merged = new List<(Type Type, UInt128 Hash)>((earlier?._hashes.Length ?? 0) + added.Count);
        foreach (var entry in earlier?._hashes ?? [])
        {
            var replaced = false;
            for (var i = 0; i < added.Count && !replaced; i++)
            {
                replaced = added[i].Type == entry.Type;
            }

            if (!replaced)
            {
                merged.Add(entry);
            }
        }

        merged.AddRange(added);
        return new FacetHashes([.. merged]);
    }
}
