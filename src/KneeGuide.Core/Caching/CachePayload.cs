namespace KneeGuide.Core.Caching;

/// <summary>
/// What <see cref="CacheDocuments"/> keeps of a document's pass through a chain: the facets the chain
/// added, replaced or removed (each in a blob of its own), a new destination, what became of the
/// content (released, or written with a hash) and the diagnostics reported on the way.
/// </summary>
internal static class CachePayload
{
    public enum ContentState
    {
        Unchanged,
        Empty,
        Written,
    }

    public sealed record Decoded(
        bool Dropped,
        IReadOnlyList<Type> Removed,
        IReadOnlyList<(Type Type, LazyFacet Facet)> Facets,
        bool DestinationChanged,
        string? Destination,
        ContentState Content,
        UInt128 WrittenHash,
        IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<(Type Type, UInt128 Hash)> Hashes);

    /// <summary>
    /// The payload, or a null payload when the result must not be cached (content released unwritten).
    /// Each facet's hash is stored beside its blob: a build that restores thousands of pages then
    /// reads the hashes instead of hashing every blob again.
    /// </summary>
    public static (byte[]? Payload, IReadOnlyList<(Type Type, UInt128 Hash)> Hashes) Encode(Document input, Document? output, IReadOnlyList<Diagnostic> diagnostics, FacetCodecs codecs)
    {
        var writer = new CacheWriter();
        var hashes = new List<(Type Type, UInt128 Hash)>();
        writer.WriteBool(output is null);
        if (output is not null)
        {
            var before = input.RawFacets.ToDictionary(f => f.Type, f => f.Value);
            var removed = before.Keys.Where(t => t != typeof(FacetHashes) && output.RawFacets.All(f => f.Type != t)).ToList();
            writer.WriteList(removed, (w, t) => w.WriteString(codecs.For(t).Name));
            var changed = output.RawFacets.Where(f => f.Type != typeof(FacetHashes) && !(before.TryGetValue(f.Type, out var old) && ReferenceEquals(old, f.Value))).ToList();
            writer.WriteUInt((ulong)changed.Count);
            foreach (var (type, value) in changed)
            {
                var blob = value is LazyFacet lazy ? lazy.Blob.ToArray() : codecs.Encode(type, value);
                var hash = ContentHash.Of(blob);
                writer.WriteString(codecs.For(type).Name);
                writer.WriteBytes(blob);
                writer.WriteHash(hash);
                hashes.Add((type, hash));
            }

            var destinationChanged = output.Destination != input.Destination;
            writer.WriteBool(destinationChanged);
            if (destinationChanged)
            {
                writer.WriteString(output.Destination);
            }

            if (ReferenceEquals(output.Content, DocumentContent.NotWritten))
            {
                return (null, hashes);
            }

            var content = ReferenceEquals(output.Content, input.Content) ? ContentState.Unchanged
                : output.Content is WrittenContent ? ContentState.Written
                : output.Content is TextContent { Text.Length: 0 } ? ContentState.Empty
                : throw new InvalidOperationException($"A cached chain must release or write the content it makes ({output}): put WriteFiles at the end of the chain, or cache the chain before the content is made.");
            writer.WriteUInt((ulong)content);
            if (content == ContentState.Written)
            {
                writer.WriteHash(((WrittenContent)output.Content).WrittenHash);
            }
        }

        writer.WriteList(diagnostics, WriteDiagnostic);
        return (writer.ToArray(), hashes);
    }

    public static Decoded Decode(ReadOnlyMemory<byte> payload, FacetCodecs codecs)
    {
        var reader = new CacheReader(payload);
        FacetCodecs.Codec Named(string? name) => codecs.For(name ?? "") ?? throw new CacheFormatException($"no codec named '{name}'");
        if (reader.ReadBool())
        {
            return new Decoded(true, [], [], false, null, ContentState.Unchanged, 0, reader.ReadList(ReadDiagnostic), []);
        }

        var removed = reader.ReadList(r => Named(r.ReadString()).Type);
        var count = (int)reader.ReadUInt();
        var facets = new List<(Type, LazyFacet)>(count);
        var hashes = new (Type Type, UInt128 Hash)[count];
        for (var i = 0; i < count; i++)
        {
            var codec = Named(reader.ReadString());
            var blob = reader.ReadBytes();
            facets.Add((codec.Type, new LazyFacet(codec, blob)));
            hashes[i] = (codec.Type, reader.ReadHash());
        }

        var destinationChanged = reader.ReadBool();
        var destination = destinationChanged ? reader.ReadString() : null;
        var content = (ContentState)reader.ReadUInt();
        var written = content == ContentState.Written ? reader.ReadHash() : 0;
        return new Decoded(false, removed, facets, destinationChanged, destination, content, written, reader.ReadList(ReadDiagnostic), hashes);
    }

    private static void WriteDiagnostic(CacheWriter w, Diagnostic d)
    {
        w.WriteString(d.Code);
        w.WriteUInt((ulong)d.Severity);
        w.WriteString(d.File);
        w.WriteInt(d.Line);
        w.WriteInt(d.Column);
        w.WriteString(d.Message);
        w.WriteString(d.Suggestion);
    }

    private static Diagnostic ReadDiagnostic(CacheReader r) =>
        new(r.ReadRequiredString(), (Severity)r.ReadUInt(), r.ReadString(), r.ReadInt(), r.ReadInt(), r.ReadRequiredString(), r.ReadString());
}
