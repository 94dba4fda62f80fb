using System.Text.RegularExpressions;

namespace KneeGuide.Tests.Support;

/// <summary>
/// Random edits of the kinds editors make, applied to a copy of the clinic's site: each call of
/// <see cref="Next"/> makes one and says what it did. Some edits break the site on purpose (a link to
/// a deleted page, a renamed heading that another page links to); later edits usually mend it.
/// </summary>
public sealed class SiteEdits(TestSite site, Random random)
{
    private readonly List<string> _created = [];
    private int _counter;

    public string Next()
    {
        var edits = new Func<string>[]
        {
            EditBody, EditTitle, AddTag, AddArticle, DeleteCreatedArticle, RenameHeading, EditDosage, EditSiteYml,
            EditTheme, EditCredit, AddImage, PlaceCard, ToggleDraft, RenameCreatedArticle, EditDescription, LinkToCreated,
            AddProgression, RemoveProgressions, EditTagTitle, EditPainRule, EditReadability, EditThemeStrings, AddCareCard, ListExercise,
        };
        return edits[random.Next(edits.Length)]();
    }

    private string Input(string relative) => Path.Combine(site.InputDir, relative);

    private string[] Files(string folder) =>
        Directory.GetFiles(Input(folder), "*.md").Select(f => $"{folder}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal).ToArray();

    private string Pick(params string[] folders)
    {
        var files = folders.SelectMany(Files).ToArray();
        return files[random.Next(files.Length)];
    }

    /// <summary>The text with the first occurrence of <paramref name="old"/> (the front matter's closing fence) replaced.</summary>
    private static string First(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + old.Length)..];
    }

    private void Replace(string relative, Func<string, string> change) => File.WriteAllText(Input(relative), change(File.ReadAllText(Input(relative))));

    private string EditBody()
    {
        var page = Pick("articles", "mobility", "exercises");
        var n = ++_counter;
        Replace(page, text => text.TrimEnd() + $"\n\nAn added paragraph {n} about knees and [the library](/exercises/).\n");
        return $"body of {page}";
    }

    private string EditTitle()
    {
        var page = Pick("articles", "mobility", "exercises");
        var n = ++_counter;
        Replace(page, text => Regex.Replace(text, "(?m)^title: .*$", $"title: \"Retitled page {n}\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return $"title of {page}";
    }

    private string EditDescription()
    {
        var page = Pick("articles", "mobility");
        var n = ++_counter;
        Replace(page, text => Regex.Replace(text, "(?m)^description: .*$", $"description: A new summary {n}.", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return $"description of {page}";
    }

    private string AddTag()
    {
        var page = Pick("articles", "mobility");
        var tag = random.Next(2) == 0 ? "knees" : "tag-" + random.Next(4);
        Replace(page, text => text.Contains("tags: [", StringComparison.Ordinal)
            ? text.Replace("tags: [", $"tags: [{tag}, ", StringComparison.Ordinal)
            : First(text, "\n---\n", $"\ntags: [{tag}]\n---\n"));
        return $"tag {tag} on {page}";
    }

    private string AddArticle()
    {
        var slug = $"new-article-{++_counter}";
        var tag = "tag-" + random.Next(4);
        File.WriteAllText(Input($"articles/{slug}.md"), $"""
            ---
            title: New article {_counter}
            description: An article added by the test.
            date: 2026-11-{1 + random.Next(28):00}
            tags: [{tag}, knees]
            exercises: [heel-raises]
            ---

            ## About it

            See [Mobility 101](../mobility/mobility-101.md) and [the first part](#about-it).
            """);
        _created.Add(slug);
        return $"new article {slug}";
    }

    private string DeleteCreatedArticle()
    {
        if (_created.Count == 0)
        {
            return AddArticle();
        }

        var slug = _created[random.Next(_created.Count)];
        File.Delete(Input($"articles/{slug}.md"));
        _created.Remove(slug);
        return $"deleted {slug}";
    }

    private string RenameCreatedArticle()
    {
        if (_created.Count == 0)
        {
            return AddArticle();
        }

        var slug = _created[random.Next(_created.Count)];
        var renamed = slug + "-renamed";
        var text = File.ReadAllText(Input($"articles/{slug}.md"));
        File.Delete(Input($"articles/{slug}.md"));
        File.WriteAllText(Input($"articles/{renamed}.md"), First(text, "\n---\n", $"\nredirect_from: [/articles/{slug}/]\n---\n"));
        _created.Remove(slug);
        _created.Add(renamed);
        return $"renamed {slug} to {renamed}";
    }

    private string LinkToCreated()
    {
        if (_created.Count == 0)
        {
            return AddArticle();
        }

        var target = _created[random.Next(_created.Count)];
        Replace("articles/knee-issues.md", text => text.TrimEnd() + $"\n\nRead [the new one](new-placeholder.md).\n".Replace("new-placeholder", target, StringComparison.Ordinal));
        return $"link from knee-issues to {target}";
    }

    private string RenameHeading()
    {
        // Toggles a heading of Mobility 101 that the runner's knee article may link to.
        var toggled = false;
        Replace("mobility/mobility-101.md", text =>
        {
            var heading = Regex.Match(text, "(?m)^## (.+)$");
            if (!heading.Success)
            {
                return text;
            }

            var title = heading.Groups[1].Value;
            toggled = true;
            var renamed = title.EndsWith(" (renamed)", StringComparison.Ordinal) ? title[..^" (renamed)".Length] : title + " (renamed)";
            return text[..heading.Index] + "## " + renamed + text[(heading.Index + heading.Length)..];
        });
        return toggled ? "first heading of mobility-101 renamed" : "no heading to rename";
    }

    private string EditDosage()
    {
        var exercise = Pick("exercises");
        var sets = 1 + random.Next(5);
        Replace(exercise, text => Regex.Replace(text, "(?m)^  sets: \\d+$", $"  sets: {sets}", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return $"sets of {exercise} to {sets}";
    }

    private string EditSiteYml()
    {
        var n = ++_counter;
        Replace("site.yml", text => random.Next(2) == 0
            ? Regex.Replace(text, "(?m)^title: .*$", $"title: KneeGuide {n}", RegexOptions.None, TimeSpan.FromSeconds(1))
            : Regex.Replace(text, "(?m)^description: .*$", $"description: Described again {n}.", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return "site.yml";
    }

    private string EditTheme()
    {
        var n = ++_counter;
        var path = Path.Combine(site.ThemeDir, "partials", "exercise-card.liquid");
        File.WriteAllText(path, File.ReadAllText(path).TrimEnd() + $"\n<!-- theme edit {n} -->\n");
        return "theme partial exercise-card.liquid";
    }

    private string EditCredit()
    {
        var n = ++_counter;
        Replace("images/credits.yml", text => Regex.Replace(text, "(?m)^  title: .*$", $"  title: A retitled illustration {n}", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return "the first image credit's title";
    }

    private string AddImage()
    {
        var name = $"added-{++_counter}.svg";
        File.Copy(Input("images/heel-raises.svg"), Input("images/" + name));
        Replace("images/credits.yml", text => text.TrimEnd() + $"\n{name}:\n  title: Added image\n  author: Tests\n  license: CC0\n");
        var page = Pick("articles", "mobility");
        Replace(page, text => text.TrimEnd() + $"\n\n![An added image](../images/{name})\n");
        return $"image {name} on {page}";
    }

    private string PlaceCard()
    {
        var page = Pick("articles", "mobility");
        var exercise = Path.GetFileNameWithoutExtension(Pick("exercises"));
        Replace(page, text => text.TrimEnd() + $"\n\n[The exercise](../exercises/{exercise}.md \"card\")\n");
        return $"card for {exercise} on {page}";
    }

    private string ToggleDraft()
    {
        if (_created.Count == 0)
        {
            return AddArticle();
        }

        var slug = _created[random.Next(_created.Count)];
        Replace($"articles/{slug}.md", text => text.Contains("\ndraft: true\n", StringComparison.Ordinal)
            ? text.Replace("\ndraft: true\n", "\n", StringComparison.Ordinal)
            : First(text, "\n---\n", "\ndraft: true\n---\n"));
        return $"draft toggled on {slug}";
    }

    /// <summary>An easier: or harder: entry naming another exercise (shown both ways, and in /plan/).</summary>
    private string AddProgression()
    {
        var exercises = Files("exercises");
        var page = exercises[random.Next(exercises.Length)];
        var others = exercises.Where(e => e != page).ToArray();
        var other = Path.GetFileNameWithoutExtension(others[random.Next(others.Length)]);
        var key = random.Next(2) == 0 ? "easier" : "harder";
        var text = File.ReadAllText(Input(page));
        if (Regex.IsMatch(text, "(?m)^(easier|harder): ", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return RemoveProgressions();
        }

        File.WriteAllText(Input(page), First(text, "\n---\n", $"\n{key}: [{other}]\n---\n"));
        return $"{key}: [{other}] on {page}";
    }

    private string RemoveProgressions()
    {
        var page = Pick("exercises");
        Replace(page, text => Regex.Replace(text, "(?m)^(easier|harder): .*\n", "", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return $"progressions removed from {page}";
    }

    private string EditTagTitle()
    {
        var n = ++_counter;
        Replace("site.yml", text => Regex.Replace(text, "(?m)^  runners-knee: .*$", $"  runners-knee: \"Runner's knee {n}\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return "a tag title in site.yml";
    }

    private string EditPainRule()
    {
        var acceptable = random.Next(1, 5);
        Replace("site.yml", text => Regex.Replace(text, "(?m)^  acceptable: \\d+$", $"  acceptable: {acceptable}", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return $"pain rule acceptable {acceptable}";
    }

    private string EditReadability()
    {
        var target = random.Next(8, 13);
        Replace("site.yml", text => Regex.Replace(text, "(?m)^  target_age: \\d+$", $"  target_age: {target}", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return $"readability target {target}";
    }

    private string EditThemeStrings()
    {
        var n = ++_counter;
        var path = Path.Combine(site.ThemeDir, "strings", "en.yml");
        File.WriteAllText(path, Regex.Replace(File.ReadAllText(path), "(?m)^  urgent: .*$", $"  urgent: \"Urgent advice {n}\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return "theme string care.urgent";
    }

    private string AddCareCard()
    {
        var page = Pick("articles", "mobility");
        var level = new[] { "NON-URGENT", "URGENT", "EMERGENCY" }[random.Next(3)];
        Replace(page, text => text.TrimEnd() + $"\n\n> [!{level}]\n> **Get help if** it swells.\n");
        return $"{level} care card on {page}";
    }

    /// <summary>Lists an exercise in exercises: (sometimes one already placed as a card: listed once, with a warning).</summary>
    private string ListExercise()
    {
        var page = Pick("articles", "mobility");
        var exercise = Path.GetFileNameWithoutExtension(Pick("exercises"));
        Replace(page, text => text.Contains("\nexercises: [", StringComparison.Ordinal) && !text.Contains($"[{exercise}", StringComparison.Ordinal) && !text.Contains($" {exercise},", StringComparison.Ordinal) && !text.Contains($" {exercise}]", StringComparison.Ordinal)
            ? text.Replace("\nexercises: [", $"\nexercises: [{exercise}, ", StringComparison.Ordinal)
            : text);
        return $"{exercise} listed on {page}";
    }
}
