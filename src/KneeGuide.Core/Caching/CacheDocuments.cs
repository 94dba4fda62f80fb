namespace KneeGuide.Core.Caching;

/// <summary>
/// Statiq's CacheDocuments, with recorded reads: runs a chain of parallel modules on each document,
/// or, when the build cache holds that document's result for the same input and every fact the
/// modules read last time is unchanged, restores the result instead (its facets decoded only when
/// used, its diagnostics reported again, a file it wrote reused from the earlier output). A result
/// with errors is never cached, so a broken page is always checked afresh.
/// </summary>
/// <param name="unit">What the chain does ("content", "page"): part of every cache key.</param>
public sealed class CacheDocuments(string unit, params ParallelModule[] modules) : IModule
{
    private readonly UInt128 _chain = ChainId(unit, modules);

    public IReadOnlyList<ParallelModule> Modules => modules;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var cache = context.GetService<BuildCache>();
        var facts = context.GetService<IFactSource>();
        var codecs = context.GetService<FacetCodecs>();
        var results = new Document?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var input = inputs[i];
            var key = ContentHash.Of(context.PipelineName, unit, input.Source ?? input.Destination);
            var fingerprint = Fingerprint(input, codecs);
            if (cache.Find(key, fingerprint, facts) is { } entry
                && (cache.Resident(key, fingerprint) is { } resident ? Reuse(resident, context) : Restore(input, entry.Payload, codecs, context)) is { } restored)
            {
                results[i] = restored.Document;
                cache.KeepResident(key, new ResidentDocument(fingerprint, restored.Document, restored.Diagnostics));
                return;
            }

            results[i] = Run(input, key, fingerprint, cache, codecs, context);
        });

        IReadOnlyList<Document> kept = results.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(kept);
    }

    private Document? Run(Document input, UInt128 key, UInt128 fingerprint, BuildCache cache, FacetCodecs codecs, IExecutionContext context)
    {
        var reads = new ReadSet();
        var output = DocumentContext.Run(modules, input, context, reads, out var diagnostics);
        var reported = diagnostics?.Sorted() ?? [];
        context.Diagnostics.AddRange(reported);
        var (payload, hashes) = CachePayload.Encode(input, output, reported, codecs);
        if (payload is null || reported.Any(d => d.Severity == Severity.Error))
        {
            cache.Forget(key);
        }
        else
        {
            cache.Store(key, new CacheEntry(fingerprint, reads.Snapshot(), payload));
        }

        var result = output is null ? null : WithHashes(output, hashes);
        cache.KeepResident(key, new ResidentDocument(fingerprint, result, reported));
        return result;
    }

    /// <summary>A document from the document an earlier build of this process made (the preview keeps them).</summary>
    private static (Document? Document, IReadOnlyList<Diagnostic> Diagnostics)? Reuse(ResidentDocument resident, IExecutionContext context)
    {
        if (resident.Output is { Destination: { } destination, Content: WrittenContent written } && !context.GetService<IOutputSink>().TryReuse(destination, written.WrittenHash))
        {
            return null;
        }

        context.Diagnostics.AddRange(resident.Diagnostics);
        return (resident.Output, resident.Diagnostics);
    }

    private static (Document? Document, IReadOnlyList<Diagnostic> Diagnostics)? Restore(Document input, ReadOnlyMemory<byte> payload, FacetCodecs codecs, IExecutionContext context)
    {
        CachePayload.Decoded decoded;
        try
        {
            decoded = CachePayload.Decode(payload, codecs);
        }
        catch (CacheFormatException)
        {
            return null;
        }

        if (decoded.Dropped)
        {
            context.Diagnostics.AddRange(decoded.Diagnostics);
            return (null, decoded.Diagnostics);
        }

        var document = input;
        foreach (var type in decoded.Removed)
        {
            document = document.Without(type);
        }

        // The restored facets and their hashes in one copy of the facet array.
        var facets = new List<(Type Type, object Value)>(decoded.Facets.Count + 1);
        foreach (var (type, facet) in decoded.Facets)
        {
            facets.Add((type, facet));
        }

        if (decoded.Hashes.Count > 0)
        {
            facets.Add((typeof(FacetHashes), FacetHashes.Merge(document.Get<FacetHashes>(), decoded.Hashes)));
        }

        document = document.WithFacets(facets);

        if (decoded.DestinationChanged)
        {
            document = document.WithDestination(decoded.Destination);
        }

        switch (decoded.Content)
        {
            case CachePayload.ContentState.Empty:
                document = document.WithContent(DocumentContent.Empty);
                break;
            case CachePayload.ContentState.Written:
                // The file this chain wrote last time: reused when the earlier output still has it.
                if (document.Destination is null || !context.GetService<IOutputSink>().TryReuse(document.Destination, decoded.WrittenHash))
                {
                    return null;
                }

                document = document.WithContent(DocumentContent.Written(decoded.WrittenHash));
                break;
        }

        context.Diagnostics.AddRange(decoded.Diagnostics);
        return (document, decoded.Diagnostics);
    }

    /// <summary>
    /// The input's identity for the cache: the chain, where the document comes from and goes, its
    /// content, and every facet it carries (by the hash an earlier cached chain recorded, or encoded now).
    /// </summary>
    private UInt128 Fingerprint(Document input, FacetCodecs codecs)
    {
        var hash = new ContentHash.Builder().Add(_chain).Add(input.Source).Add(input.Destination);
        hash.Add(input.Content is WrittenContent or TextContent { Text.Length: 0 } ? 0 : input.Content.Hash());
        var known = input.Get<FacetHashes>();
        foreach (var (type, value) in input.RawFacets.OrderBy(f => f.Type.FullName, StringComparer.Ordinal))
        {
            if (type == typeof(FacetHashes))
            {
                continue;
            }

            hash.Add(type.FullName);
            hash.Add(known?.Of(type) ?? (value is LazyFacet lazy ? ContentHash.Of(lazy.Blob.Span) : ContentHash.Of(codecs.Encode(type, value))));
        }

        return hash.Finish();
    }

    private static Document WithHashes(Document document, IReadOnlyList<(Type Type, UInt128 Hash)> hashes) =>
        hashes.Count == 0 ? document : document.With(FacetHashes.Merge(document.Get<FacetHashes>(), hashes));

    private static UInt128 ChainId(string unit, IReadOnlyList<ParallelModule> modules)
    {
        var hash = new ContentHash.Builder().Add(unit);
        foreach (var module in modules)
        {
            hash.Add(module.GetType().FullName).Add(module.Version);
        }

        return hash.Finish();
    }
}
