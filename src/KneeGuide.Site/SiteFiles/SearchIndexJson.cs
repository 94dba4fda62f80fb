using System.Buffers;
using System.Text.Json;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// The search index files as UTF-8 JSON, written straight from the index's own structures: compact,
/// with System.Text.Json's default escaping, and a final newline. The full build and the preview's
/// patching both write through here, so the two give the same bytes.
/// </summary>
public static class SearchIndexJson
{
    /// <summary>A term shard: <c>{"term":[[doc,weight],...],...}</c>, terms in the order given (sorted by the caller).</summary>
    public static byte[] TermShard(IEnumerable<(string Term, IReadOnlyList<int> DocWeightPairs)> terms) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var (term, pairs) in terms)
            {
                writer.WriteStartArray(term);
                for (var i = 0; i + 1 < pairs.Count; i += 2)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(pairs[i]);
                    writer.WriteNumberValue(pairs[i + 1]);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });

    /// <summary>A chunk of documents: <c>[["url","title","description","kind"],...]</c>.</summary>
    public static byte[] DocumentChunk(IEnumerable<IReadOnlyList<string>> rows) =>
        Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var value in row)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        });

    /// <summary>The manifest, keys in ordinal order.</summary>
    public static byte[] Manifest(int version, int documents, int chunk, int prefix, IEnumerable<string> shards) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("chunk", chunk);
            writer.WriteNumber("documents", documents);
            writer.WriteNumber("prefix", prefix);
            writer.WriteStartArray("shards");
            foreach (var shard in shards)
            {
                writer.WriteStringValue(shard);
            }

            writer.WriteEndArray();
            writer.WriteNumber("version", version);
            writer.WriteEndObject();
        });

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
