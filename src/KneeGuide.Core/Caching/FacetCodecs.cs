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

    internal sealed record Codec(string Name, Type Type, Action<CacheWriter, object> Write, Func<CacheReader, object> Read);
}

/// <summary>
/// A facet restored from the build cache, decoded on first use: a build that finds most pages
/// unchanged never decodes what it does not look at (an unchanged page's body HTML, for one).
/// </summary>
internal sealed class LazyFacet(FacetCodecs.Codec codec, ReadOnlyMemory<byte> blob)
{
    private readonly Lazy<object> _value = new(() => codec.Read(new CacheReader(blob)), LazyThreadSafetyMode.ExecutionAndPublication);

    public object Value => _value.Value;

    public ReadOnlyMemory<byte> Blob => blob;
}

/// <summary>
/// The content hash of each facet a cached chain produced (of its encoded form), so later work can
/// key on a facet without decoding it: link validation keys a page on the hash of its links.
/// </summary>
public sealed class FacetHashes(IReadOnlyDictionary<Type, UInt128> hashes)
{
    public UInt128? Of<T>() where T : class => Of(typeof(T));

    public UInt128? Of(Type type) => hashes.TryGetValue(type, out var hash) ? hash : null;

    internal IReadOnlyDictionary<Type, UInt128> All => hashes;
}
