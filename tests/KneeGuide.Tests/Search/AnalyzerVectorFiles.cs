using System.Text;
using KneeGuide.Site.Search;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Search;

/// <summary>
/// The shared analyzer vectors: AnalyzerVectors/{language}.tsv, one "text TAB terms" a line (terms
/// separated by spaces; UTF-8, LF), that SearchAnalyzer.cs and theme/assets/js/search-analyzer.js
/// must both read alike: the whole way from text to terms, stemming included. The texts are the
/// tricky cases below and every line of the default site's Markdown; the terms come from the C#
/// analyzer (regenerate with KNEEGUIDE_REGENERATE_ANALYZER_VECTORS=1 when it changes on purpose).
/// </summary>
internal static class AnalyzerVectorFiles
{
    public static readonly string[] Languages = ["en", "es"];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string PathOf(string language) => Path.Combine(TestSite.RepositoryRoot, "tests", "KneeGuide.Tests", "Search", "AnalyzerVectors", language + ".tsv");

    private static readonly Dictionary<string, string[]> Tricky = new()
    {
        ["en"] =
        [
            "Runner's knee, runner’s knee and RUNNERS KNEE",
            "Step-downs: 3 × 10–15 reps, side-lying leg raises",
            "stretched stretching stretches hamstrings strengthened",
            "Café, naïve, ÉLAN, Ångström, œuvre",
            "Combining accents: cafe\u0301 and nai\u0308ve",
            "The IT band, it is what it is: I, a, an and the",
            "x-ray, 25-minute routine, 000 in Australia, ½ an hour, km²",
            "supercalifragilisticexpialidociousandmorethanfortyletters and short",
            "γόνατο πόνος, колено, 膝の痛み, emoji 🦵 knee",
            "don't can't won't wont isn't",
            "osteoarthritis arthritis tendinopathy tendonitis patellofemoral",
            "how often should i stretch my calves",
            "İstanbul DİZ ağrısı",
        ],
        ["es"] =
        [
            "Rodilla del corredor: el dolor en la parte delantera de la rodilla",
            "estiramientos, estirar, estiramos, estiró",
            "la rehabilitación y las articulaciones; ejercicios de fortalecimiento",
            "¿Cuándo debo ir al fisioterapeuta? ¡Ya!",
            "cafe\u0301 y cafés, niño, pingüino",
        ],
    };

    public static IReadOnlyList<string> Texts(string language)
    {
        var texts = new List<string>(Tricky[language]);
        if (language == "en")
        {
            var input = Path.Combine(TestSite.RepositoryRoot, "input");
            texts.AddRange(Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines)
                .Select(l => l.Replace('\t', ' ').Trim())
                .Where(l => l.Length > 0)
                .Distinct());
        }

        return texts;
    }

    public static string Expected(string language, string text) => string.Join(' ', new SearchAnalyzer(SearchLanguage.For(language)).Terms(text));

    public static IReadOnlyList<(string Text, string Terms)> Read(string language)
    {
        var text = File.ReadAllText(PathOf(language), Utf8NoBom);
        return text.Split('\n').SkipLast(1).Select((line, i) =>
        {
            var fields = line.Split('\t');
            return fields.Length == 2 ? (fields[0], fields[1]) : throw new InvalidDataException($"{PathOf(language)}:{i + 1}: expected 'text<TAB>terms'");
        }).ToList();
    }

    public static void Write(string language) =>
        File.WriteAllText(PathOf(language), string.Concat(Texts(language).Select(t => $"{t}\t{Expected(language, t)}\n")), Utf8NoBom);
}
