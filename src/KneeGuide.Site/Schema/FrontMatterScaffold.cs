using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Schema;

/// <summary>
/// Writes a new content file for <c>kneeguide new</c>: front matter listing every key of the typed model
/// (from reflection, so a key added to the model appears here too) with its [Description] as a comment,
/// and example values that build cleanly as they are. Keys that need something only the editor knows
/// (an image, a reviewer) are shown commented out.
/// </summary>
public static partial class FrontMatterScaffold
{
    public static readonly IReadOnlyDictionary<string, ContentKind> Kinds = new Dictionary<string, ContentKind>(StringComparer.Ordinal)
    {
        ["article"] = ContentKind.Article,
        ["mobility"] = ContentKind.Mobility,
        ["exercise"] = ContentKind.Exercise,
    };

    /// <summary>Lower-case words joined by single hyphens: what a URL segment should look like.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= 80 && SlugPattern().IsMatch(slug);

    public static string FolderOf(ContentKind kind) => kind switch
    {
        ContentKind.Article => "articles",
        ContentKind.Mobility => "mobility",
        ContentKind.Exercise => "exercises",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// What the editor typed after <c>new article</c>, as a slug and a title: a slug stays as it is
    /// ("knee-taping", titled "Knee taping"), a title becomes its slug ("Knee Taping" -> knee-taping).
    /// The slug is empty when the name has no letters or digits.
    /// </summary>
    public static (string Slug, string Title) Name(string typed)
    {
        var trimmed = typed.Trim();
        if (IsValidSlug(trimmed))
        {
            var words = trimmed.Replace('-', ' ');
            return (trimmed, char.ToUpperInvariant(words[0]) + words[1..]);
        }

        var slug = FrontMatterValueRules.Slugify(trimmed);
        return (slug.Length > 80 ? slug[..80].TrimEnd('-') : slug, trimmed);
    }

    public static string Create(ContentKind kind, string slug, DateOnly today) => Create(kind, slug, Name(slug).Title, today);

    public static string Create(ContentKind kind, string slug, string title, DateOnly today)
    {
        var examples = kind == ContentKind.Exercise ? ExerciseExamples(title) : ArticleExamples(title, today);
        var model = kind == ContentKind.Exercise ? typeof(ExerciseFrontMatter) : typeof(ArticleFrontMatter);
        var lines = new List<(string Text, string Comment)>();
        WriteObject(model, "", 0, commented: false, examples, today, lines);
        var sb = new StringBuilder("---\n");
        foreach (var (text, comment) in lines)
        {
            // The explanation goes on its own line above the key, at the key's indentation.
            var indent = text[..(text.Length - text.TrimStart().Length)];
            sb.Append(indent).Append("# ").Append(comment).Append('\n').Append(text).Append('\n');
        }

        sb.Append("---\n\n").Append(kind == ContentKind.Exercise ? ExerciseBody : ArticleBody);
        return sb.ToString();
    }

    private static void WriteObject(Type type, string path, int depth, bool commented, IReadOnlyDictionary<string, string?> examples, DateOnly today, List<(string, string)> lines)
    {
        foreach (var (key, property) in FrontMatterSchemas.Members(type))
        {
            var full = path.Length == 0 ? key : $"{path}.{key}";
            var required = property.GetCustomAttribute<RequiredAttribute>() is not null;
            var comment = (property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? key) + (required ? " (required)" : "");
            var indent = new string(' ', depth * 2);

            // An example of null means "leave it out until you have one": the key is shown commented.
            var hasExample = examples.TryGetValue(full, out var example);
            var off = commented || (hasExample ? example is null : !required && IsOptionalWithoutSafeDefault(property.PropertyType));
            var prefix = off ? "# " : "";
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsNestedObject(target))
            {
                lines.Add(($"{indent}{prefix}{key}:", comment));
                WriteObject(target, full, depth + 1, off, examples, today, lines);
                continue;
            }

            var value = example ?? CommentedExample(full) ?? ModelDefault(type, property) ?? Fallback(target, today);
            lines.Add(($"{indent}{prefix}{key}: {value}", comment));
        }
    }

    private static bool IsNestedObject(Type type) =>
        type.IsClass && type != typeof(string) && !type.IsGenericType;

    private static bool IsOptionalWithoutSafeDefault(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Located<>);
    }

    /// <summary>A switch or number keeps the model's own default (link_check: true), so the scaffold changes nothing.</summary>
    private static string? ModelDefault(Type owner, PropertyInfo property) =>
        property.GetValue(Activator.CreateInstance(owner)) switch
        {
            bool b => b ? "true" : "false",
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

    private static string Fallback(Type type, DateOnly today)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Located<>))
        {
            return Fallback(type.GetGenericArguments()[0], today);
        }

        if (type.IsGenericType)
        {
            return "[]";
        }

        if (type.IsEnum)
        {
            return Enum.GetNames(type)[0].ToLowerInvariant();
        }

        return type == typeof(bool) ? "false"
            : type == typeof(int) ? "1"
            : type == typeof(DateOnly) ? Iso(today)
            : "\"\"";
    }

    /// <summary>What a commented-out key shows, so the editor sees the expected shape.</summary>
    private static string? CommentedExample(string path) => path switch
    {
        "image" => "my-image.svg",
        "video" => "my-clip.mp4",
        "dosage.hold_seconds" => "30",
        _ => null,
    };

    private static Dictionary<string, string?> ArticleExamples(string title, DateOnly today) => new(StringComparer.Ordinal)
    {
        ["title"] = Quote(title),
        ["description"] = Quote("One sentence that sums up this page for search results and cards."),
        ["date"] = Iso(today),
        ["updated"] = null,
        ["reviewed"] = null,
        ["reviewed.by"] = Quote("Name, role"),
        ["reviewed.on"] = Iso(today),
        ["image"] = null,
        ["draft"] = "true",
    };

    private static Dictionary<string, string?> ExerciseExamples(string title) => new(StringComparer.Ordinal)
    {
        ["title"] = Quote(title),
        ["summary"] = Quote("One sentence: what this exercise is for."),
        ["targets"] = "[quads]",
        ["equipment"] = "[none]",
        ["difficulty"] = "beginner",
        ["dosage.sets"] = "3",
        ["dosage.reps"] = Quote("10-15"),
        ["dosage.hold_seconds"] = null,
        ["dosage.side"] = "each",
        ["dosage.frequency"] = Quote("daily"),
        ["steps"] = "[\"Describe the starting position.\", \"Describe the movement, then return slowly.\"]",
        ["cautions"] = "[\"Stop if you feel sharp pain in the knee.\"]",
        ["image"] = null,
        ["draft"] = "true",
    };

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string ArticleBody =
        "Write the introduction here: who this page is for and what they will take away.\n\n" +
        "## First section\n\n" +
        "Link to another page by its file, for example `[Mobility 101](../mobility/mobility-101.md)`, and place an\n" +
        "exercise card with a paragraph holding only `[Heel raises](../exercises/heel-raises.md \"card\")`.\n" +
        "See docs/editor-guide.md for everything else.\n";

    private const string ExerciseBody =
        "Optional notes shown below the steps: why the exercise helps and how to make it easier or harder.\n\n" +
        "## Variations\n\n" +
        "- **Easier:** ...\n" +
        "- **Harder:** ...\n";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
