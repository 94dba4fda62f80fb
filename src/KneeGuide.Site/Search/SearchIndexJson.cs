using System.Buffers;
using System.Text.Json;

namespace KneeGuide.Site.Search;

/// <summary>
/// The search index files as UTF-8 JSON, written straight from the index's own structures: compact,
/// with System.Text.Json's default escaping, keys in ordinal order, and a final newline, so the same
/// site always gives the same bytes.
/// </summary>
public static class SearchIndexJson
{
    /// <summary>One term's postings as triples: document (the first absolute, then the gap from the one before), impact, section mask.</summary>
    public static void WritePostings(Utf8JsonWriter writer, IReadOnlyList<int> postings)
    {
        writer.WriteStartArray();
        var previous = 0;
        for (var i = 0; i + 2 < postings.Count; i += 3)
        {
            writer.WriteNumberValue(postings[i] - previous);
            writer.WriteNumberValue(postings[i + 1]);
            writer.WriteNumberValue(postings[i + 2]);
            previous = postings[i];
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// A term shard: <c>{"p":{"alternative term":0 or "file",...},"s":{"first term":[["phrase",["alternative",...]],...]},
    /// "t":{"term":[postings] or ["file",pages],...}}</c>, with <paramref name="external"/> deciding
    /// which terms have a file of their own. <c>p</c> says where the postings of the synonyms'
    /// alternatives are: in their own file, or (0) in their term shard; an alternative on no page is
    /// not there. The browser asks for them with the postings of the words typed, not a round later.
    /// </summary>
    public static byte[] TermShard(
        IReadOnlyList<(string Term, IReadOnlyList<int> Postings)> terms,
        IReadOnlyList<(string FirstTerm, IReadOnlyList<(string Phrase, IReadOnlyList<string> Alternatives)> Entries)> synonyms,
        IReadOnlyList<(string Term, string? File)> alternatives,
        Func<string, string?> external) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            if (synonyms.Count > 0)
            {
                writer.WriteStartObject("p");
                foreach (var (term, file) in alternatives)
                {
                    if (file is null)
                    {
                        writer.WriteNumber(term, 0);
                    }
                    else
                    {
                        writer.WriteString(term, file);
                    }
                }

                writer.WriteEndObject();
            }

            if (synonyms.Count > 0)
            {
                writer.WriteStartObject("s");
                foreach (var (first, entries) in synonyms)
                {
                    writer.WriteStartArray(first);
                    foreach (var (phrase, alternatives) in entries)
                    {
                        writer.WriteStartArray();
                        writer.WriteStringValue(phrase);
                        writer.WriteStartArray();
                        foreach (var alternative in alternatives)
                        {
                            writer.WriteStringValue(alternative);
                        }

                        writer.WriteEndArray();
                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject("t");
            foreach (var (term, postings) in terms)
            {
                writer.WritePropertyName(term);
                if (external(term) is { } file)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(file);
                    writer.WriteNumberValue(postings.Count / 3);
                    writer.WriteEndArray();
                }
                else
                {
                    WritePostings(writer, postings);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>A term's own postings file.</summary>
    public static byte[] Postings(IReadOnlyList<int> postings) => Write(writer => WritePostings(writer, postings));

    /// <summary>A word-ending shard: <c>{"word":"term",...}</c>, or <c>"word":0</c> where the word is its own term.</summary>
    public static byte[] EndShard(IEnumerable<(string Word, string Term)> words) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var (word, term) in words)
            {
                if (word == term)
                {
                    writer.WriteNumber(word, 0);
                }
                else
                {
                    writer.WriteString(word, term);
                }
            }

            writer.WriteEndObject();
        });

    /// <summary>The manifest: what the browser needs before its first look-up.</summary>
    public static byte[] Manifest(string language, int documents, IEnumerable<string> termKeys, IEnumerable<string> endKeys, IEnumerable<string> stopWords) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("documents", documents);
            WriteStrings(writer, "ends", endKeys);
            writer.WriteNumber("scale", SearchScoring.ImpactScale);
            writer.WriteString("language", language);
            WriteStrings(writer, "stop", stopWords);
            WriteStrings(writer, "terms", termKeys);
            writer.WriteNumber("version", 3);
            writer.WriteEndObject();
        });

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

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
