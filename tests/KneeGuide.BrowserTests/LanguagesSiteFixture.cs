namespace KneeGuide.BrowserTests;

/// <summary>
/// The repository's site in three languages (English, Spanish, Arabic written right to left), with
/// the runner's knee article translated into both, built and served like <see cref="SiteFixture"/>.
/// </summary>
public sealed class LanguagesSiteFixture : SiteFixture
{
    // A project folder of its own, so its .kneeguide/cache/ is not shared with the other fixtures' sites.
    private readonly string _project = Path.Combine(Path.GetTempPath(), "kneeguide-browser-tests", "languages-" + Guid.NewGuid().ToString("N")[..12]);

    private string InputFolder => Path.Combine(_project, "input");

    public const string EnglishPage = "/articles/runners-knee/";
    public const string SpanishPage = "/es/articles/runners-knee/";
    public const string ArabicPage = "/ar/articles/runners-knee/";

    protected override string PrepareInput(string repositoryRoot)
    {
        Copy(Path.Combine(repositoryRoot, "input"), InputFolder);
        var siteYml = Path.Combine(InputFolder, "site.yml");
        // The repository's site.yml declares English and Spanish; Arabic is added after them.
        var site = File.ReadAllText(siteYml).Replace("clinic:\n", """
              - code: ar
                name: العربية
                dir: rtl
                description: دليل بسيط لصحة الركبة.
                disclaimer: هذا الدليل معلومات عامة وليس تشخيصًا.
                pain_rule_text: بعض الألم مقبول.
                nav:
                  - title: مقالات
                    url: /ar/articles/
                  - title: تمارين
                    url: /ar/exercises/
                targets:
                  calves: عضلات الساق
                  core: عضلات الجذع
                  glutes: عضلات الألوية
                  hamstrings: أوتار الركبة
                  hip-flexors: العضلات المثنية للورك
                  hips: الوركان
                  knee: الركبة
                  quads: عضلات الفخذ الأمامية
                equipment:
                  band: شريط مطاطي
                  chair: كرسي
                  mat: حصيرة
                  step: درجة
                  wall: جدار
            clinic:

            """, StringComparison.Ordinal);
        File.WriteAllText(siteYml, site);
        File.WriteAllText(Path.Combine(InputFolder, "articles", "runners-knee.es.md"), """
            ---
            title: La rodilla del corredor
            description: Por qué duele la parte delantera de la rodilla.
            updated: 2026-12-01
            ---

            Un texto corto.
            """);
        File.WriteAllText(Path.Combine(InputFolder, "exercises", "glute-bridges.es.md"), """
            ---
            title: Puente de glúteos
            summary: Fortalece los glúteos.
            steps:
              - Túmbate boca arriba.
              - Sube la cadera.
            updated: 2026-12-01
            ---

            Notas.
            """);
        File.WriteAllText(Path.Combine(InputFolder, "articles", "runners-knee.ar.md"), """
            ---
            title: ركبة العداء
            description: لماذا تؤلم مقدمة الركبة.
            updated: 2026-12-01
            ---

            نص قصير.
            """);
        return InputFolder;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LanguagesSiteCollection : ICollectionFixture<LanguagesSiteFixture>
{
    public const string Name = "Site in three languages in chromium";
}
