using System.Text;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Links;

/// <summary>
/// One named case of the validation corpus: how to turn the default <see cref="TestSite"/> into the
/// case, and the exact diagnostics the build must report ("KG2001 articles/case.md:7:5"; theme files
/// are written "theme:layouts/x.liquid"). Empty expectations mean the case is valid.
/// </summary>
public sealed record CorpusCase(string Name, Action<TestSite> Arrange, params string[] Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// The fixture corpus, generated in code so that each case is one readable block: every check of the
/// content model, valid and broken, each named for what it shows.
/// </summary>
public static class LinkValidationCorpus
{
    /// <summary>An article whose body starts on line 7 (lines 1-5 front matter, line 6 blank).</summary>
    public static string Article(string body, string title = "Case") =>
        $"---\ntitle: {title}\ndescription: A case.\ndate: 2026-02-01\n---\n\n{body}\n";

    private static CorpusCase Case(string name, Action<TestSite> arrange, params string[] expected) => new(name, arrange, expected);

    public static IEnumerable<CorpusCase> Valid()
    {
        yield return Case("valid-links-of-every-kind", s => s.Write("articles/case.md", Article("""
            Pretty URLs: [sample](sample.md), [anchor](sample.md#second-part), [home](../index.md),
            [mobility](../mobility/mobility-basics.md#hips), [exercise](../exercises/heel-raises.md).
            Generated pages: [library](/exercises/), [credits](/credits/), [tags](/tags/), [tag](/tags/knees/),
            [search](/search/), [feed](/feed.xml), [sitemap](/sitemap.xml), [articles](/articles/), [mobility](/mobility/).
            Forms a browser accepts: [no slash](/exercises), [index](/exercises/index.html), [query](/exercises/?level=beginner),
            [top](#top), [empty](#), [own heading](#valid-links), [encoded](/articles/sample/#second-part).
            Contact: [mail](mailto:clinic@example.org), [phone](tel:+61-3-9000-0000), [web](https://example.org/).

            ## Valid links
            """)));
        yield return Case("valid-image-with-credit-and-alt", s => s.Write("articles/case.md", Article("![A knee, side view](../images/knee.svg)\n\nInline ![a knee](../images/knee.svg) too.")));
        yield return Case("valid-image-file-name-with-space-percent-encoded", s =>
        {
            s.WriteBytes("images/knee photo.svg", File.ReadAllBytes(Path.Combine(s.InputDir, "images/knee.svg")));
            s.Write("images/credits.yml", "knee.svg:\n  author: A\n  license: CC0\nknee photo.svg:\n  author: B\n  license: CC0\n");
            s.Write("articles/case.md", Article("![A knee photo](../images/knee%20photo.svg)"));
        },
            "KG1207 images/knee photo.svg:0:0");
        yield return Case("valid-raw-html-links-and-ids", s => s.Write("articles/case.md", Article("""
            <div id="box">
              <a href="/articles/sample/#first-part">sample</a>
              <img src="/images/knee.svg" srcset="/images/knee.svg 1x, /images/knee.svg 2x" alt="knee">
              <a href="#box">self</a>
            </div>
            """)));
        yield return Case("valid-links-in-code-are-text", s => s.Write("articles/case.md", Article("""
            Write `[x](missing.md)` like this:

            ```html
            <a href="/nowhere/">x</a> [y](gone.md)
            ```
            """)));
        yield return Case("valid-link-to-a-redirect-source", s =>
        {
            s.Write("about.md", "---\ntitle: About\nredirect_from: [/old-about/]\n---\n");
            s.Write("articles/case.md", Article("[old address](/old-about/)"));
        });
        yield return Case("valid-card-and-step-links", s =>
        {
            s.Write("articles/case.md", Article("[Heel raises](../exercises/heel-raises.md \"card\")"));
            s.Write("exercises/wall-sits.md", "---\ntitle: Wall sits\nsummary: S.\ntargets: [quads]\ndosage: { sets: 1, hold_seconds: 30 }\nsteps:\n  - \"Read [the sample](../articles/sample.md#first-part) first.\"\n---\n");
        });
    }

    public static IEnumerable<CorpusCase> Broken()
    {
        yield return Case("missing-page", s => s.Write("articles/case.md", Article("See [this](nope.md).")),
            "KG2001 articles/case.md:7:5");
        yield return Case("missing-anchor", s => s.Write("articles/case.md", Article("See [hips](../mobility/mobility-basics.md#knees).")),
            "KG2002 articles/case.md:7:5");
        yield return Case("anchor-case-mismatch", s => s.Write("articles/case.md", Article("See [hips](../mobility/mobility-basics.md#Hips).")),
            "KG2002 articles/case.md:7:5");
        yield return Case("missing-anchor-on-own-page", s => s.Write("articles/case.md", Article("Jump [down](#nowhere).")),
            "KG2002 articles/case.md:7:6");
        yield return Case("link-to-draft", s =>
        {
            s.Write("articles/secret.md", "---\ntitle: Secret\ndescription: D.\ndate: 2026-01-01\ndraft: true\n---\n");
            s.Write("articles/case.md", Article("Not yet: [secret](secret.md)."));
        }, "KG2004 articles/case.md:7:10");
        yield return Case("link-escaping-input", s => s.Write("articles/case.md", Article("Up [out](../../outside.md).")),
            "KG2003 articles/case.md:7:4");
        yield return Case("root-link-to-missing-page", s => s.Write("articles/case.md", Article("[x](/articles/nope/)")),
            "KG2001 articles/case.md:7:1");
        yield return Case("unknown-exercise-id", s => s.Write("articles/case.md", "---\ntitle: C\ndescription: D.\ndate: 2026-02-01\nexercises: [heel-raise]\n---\n"),
            "KG1203 articles/case.md:5:13");
        yield return Case("unknown-mobility-slug", s => s.Write("articles/case.md", "---\ntitle: C\ndescription: D.\ndate: 2026-02-01\nmobility:\n  - mobility-basic\n---\n"),
            "KG1204 articles/case.md:6:5");
        yield return Case("missing-image-in-body", s => s.Write("articles/case.md", Article("![A knee](../images/nope.svg)")),
            "KG2001 articles/case.md:7:1");
        yield return Case("missing-hero-image", s => s.Write("articles/case.md", "---\ntitle: C\ndescription: D.\ndate: 2026-02-01\nimage: kne.svg\n---\n"),
            "KG1301 articles/case.md:5:8");
        yield return Case("image-without-credit", s =>
        {
            s.WriteBytes("images/uncredited.svg", File.ReadAllBytes(Path.Combine(s.InputDir, "images/knee.svg")));
            s.Write("articles/case.md", Article("Text.\n\n![An uncredited knee](../images/uncredited.svg)"));
        }, "KG1302 articles/case.md:9:1");
        yield return Case("image-without-alt", s => s.Write("articles/case.md", Article("![](../images/knee.svg)")),
            "KG1303 articles/case.md:7:1");
        yield return Case("broken-raw-html-href-src-srcset", s => s.Write("articles/case.md", Article("""
            <p>
              <a href="/articles/nope/">a</a>
              <img src="/images/nope.svg" alt="x">
              <img srcset="/images/knee.svg 1x, /images/gone.svg 2x" alt="y">
            </p>
            """)),
            "KG2001 articles/case.md:8:12", "KG2001 articles/case.md:9:13", "KG2001 articles/case.md:10:37");
        yield return Case("broken-link-in-exercise-steps", s => s.Write("exercises/step-test.md",
            "---\ntitle: Step test\nsummary: S.\ntargets: [calves]\ndosage: { sets: 1, reps: \"5\" }\nsteps:\n  - Stand.\n  - \"See [the guide](../articles/nope.md) first.\"\n---\n"),
            "KG2001 exercises/step-test.md:8:10");
        yield return Case("malformed-mailto-and-tel", s => s.Write("articles/case.md", Article("[mail](mailto:clinic) and\n[phone](tel:call-us)")),
            "KG2005 articles/case.md:7:1", "KG2005 articles/case.md:8:1");
        yield return Case("duplicate-ids-in-raw-html", s => s.Write("articles/case.md", Article("<div id=\"box\">a</div>\n\nText.\n\n<div id=\"box\">b</div>")),
            "KG2006 articles/case.md:11:10");
        yield return Case("broken-link-in-a-template-reported-once", s =>
        {
            var layout = File.ReadAllLines(Path.Combine(s.ThemeDir, "layouts/article.liquid")).ToList();
            layout.Insert(1, "  <p><a href=\"/nowhere/\">Gone</a></p>");
            s.WriteTheme("layouts/article.liquid", string.Join('\n', layout) + "\n");
            s.Write("articles/case.md", Article("A second article using the layout."));
        }, "KG2001 theme:layouts/article.liquid:2:15");
        yield return Case("duplicate-slug", s => s.Write("articles/sample/index.md", "---\ntitle: Clash\n---\n"),
            "KG1201 articles/sample/index.md:1:1");
        yield return Case("duplicate-redirect-source", s =>
        {
            s.Write("about.md", "---\ntitle: About\nredirect_from: [/old]\n---\n");
            s.Write("articles/case.md", "---\ntitle: C\ndescription: D.\ndate: 2026-02-01\nredirect_from: [/old/]\n---\n");
        }, "KG1202 articles/case.md:5:17");
        yield return Case("malformed-yaml", s => s.Write("articles/case.md", "---\ntitle: C\ndescription: a: b\ndate: 2026-02-01\n---\n"),
            "KG1001 articles/case.md:3:15");
        yield return Case("unclosed-front-matter", s => s.Write("articles/case.md", "---\ntitle: C\ndescription: D.\n\nBody.\n"),
            "KG1002 articles/case.md:1:1");
        yield return Case("unknown-key-with-did-you-mean", s => s.Write("articles/case.md", "---\ntitle: C\ndescripton: D.\ndate: 2026-02-01\n---\n"),
            "KG1102 articles/case.md:3:1");
        yield return Case("wrong-type", s => s.Write("articles/case.md", "---\ntitle: C\ndescription: D.\ndate: 2026-02-01\ntags: knees\n---\n"),
            "KG1103 articles/case.md:5:7");
        yield return Case("missing-required-key", s => s.Write("articles/case.md", "---\ntitle: C\ndate: 2026-02-01\n---\n"),
            "KG1101 articles/case.md:2:1");
        yield return Case("invalid-utf8", s =>
        {
            var bytes = Encoding.UTF8.GetBytes(Article("Caf\u00e9 and a Latin-1 byte: X")).ToList();
            bytes[bytes.LastIndexOf((byte)'X')] = 0xE9;
            s.WriteBytes("articles/case.md", bytes.ToArray());
        }, "KG1003 articles/case.md:7:26");
        yield return Case("binary-file", s => s.WriteBytes("articles/case.md", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]),
            "KG1003 articles/case.md:3:1");
        yield return Case("empty-file", s => s.Write("articles/case.md", ""),
            "KG1101 articles/case.md:1:1");
        yield return Case("symlink-to-outside-the-input", s =>
        {
            File.WriteAllText(Path.Combine(s.Root, "secret.md"), "---\ntitle: Outside\n---\n");
            File.CreateSymbolicLink(Path.Combine(s.InputDir, "linked.md"), Path.Combine(s.Root, "secret.md"));
        }, "KG1205 linked.md:0:0");
        yield return Case("folder-symlink-to-outside-the-input", s =>
        {
            Directory.CreateDirectory(Path.Combine(s.Root, "elsewhere"));
            File.WriteAllText(Path.Combine(s.Root, "elsewhere", "secret.txt"), "not for publishing");
            Directory.CreateSymbolicLink(Path.Combine(s.InputDir, "static"), Path.Combine(s.Root, "elsewhere"));
        }, "KG1205 static:0:0");
        yield return Case("several-mistakes-in-one-build-all-reported", s =>
        {
            s.Write("articles/case.md", Article("[a](nope.md)\n\n[b](#nowhere)"));
            s.Write("mobility/broken.md", "---\ntitle: B\ndescripton: D.\ndate: 2026-02-01\n---\n");
            s.Write("exercises/bad.md", "---\ntitle: Bad\nsummary: S.\ntargets: [calves]\ndifficulty: hard\ndosage: { sets: 1, reps: \"5\" }\nsteps: [Go.]\n---\n");
        }, "KG2001 articles/case.md:7:1", "KG2002 articles/case.md:9:1", "KG1104 exercises/bad.md:5:13", "KG1102 mobility/broken.md:3:1");
    }
}
