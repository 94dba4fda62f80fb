using System.Text;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Search;

/// <summary>
/// The shared test vectors: StemmerVectors/{language}.tsv, one "word TAB stem" a line (UTF-8, LF),
/// that the C# stemmers and theme/assets/js/stemmers.js must both reproduce exactly.
/// </summary>
internal static class StemmerVectorFiles
{
    public static readonly string[] Languages = ["en", "es"];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Folder { get; } = Path.Combine(TestSite.RepositoryRoot, "tests", "KneeGuide.Tests", "Search", "StemmerVectors");

    public static string PathOf(string language) => Path.Combine(Folder, language + ".tsv");

    public static IReadOnlyList<(string Word, string Stem)> Read(string language)
    {
        var text = File.ReadAllText(PathOf(language), Utf8NoBom);
        var lines = text.Split('\n');
        if (lines[^1].Length != 0 || text.Contains('\r'))
        {
            throw new InvalidDataException($"{PathOf(language)}: lines must end with LF, the last one too");
        }

        var vectors = new List<(string, string)>(lines.Length);
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var fields = lines[i].Split('\t');
            if (fields.Length != 2 || fields[0].Length == 0)
            {
                throw new InvalidDataException($"{PathOf(language)}:{i + 1}: expected 'word<TAB>stem', got '{lines[i]}'");
            }

            vectors.Add((fields[0], fields[1]));
        }

        return vectors;
    }

    public static void Write(string language, IEnumerable<(string Word, string Stem)> vectors)
    {
        var text = new StringBuilder();
        foreach (var (word, stem) in vectors)
        {
            text.Append(word).Append('\t').Append(stem).Append('\n');
        }

        File.WriteAllText(PathOf(language), text.ToString(), Utf8NoBom);
    }
}
