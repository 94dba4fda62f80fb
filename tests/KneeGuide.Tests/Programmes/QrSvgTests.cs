using System.Text.RegularExpressions;
using KneeGuide.Site.Templates;
using QRCoder;

namespace KneeGuide.Tests.Programmes;

public sealed partial class QrSvgTests
{
    [Fact]
    public void The_svg_draws_exactly_the_dark_modules_of_the_code_quiet_zone_included()
    {
        const string url = "https://kneeguide.netlify.app/exercises/heel-raises/";
        var svg = QrSvg.Of(url);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        Assert.Contains($"viewBox=\"0 0 {size} {size}\"", svg, StringComparison.Ordinal);

        // Read the path back into a grid: every "M x y h w v1 h-w z" run fills w modules of row y.
        var drawn = new bool[size, size];
        foreach (Match run in Run().Matches(Path().Match(svg).Groups[1].Value))
        {
            var (x, y, w) = (int.Parse(run.Groups[1].Value), int.Parse(run.Groups[2].Value), int.Parse(run.Groups[3].Value));
            for (var i = 0; i < w; i++)
            {
                Assert.False(drawn[y, x + i], "a module is drawn twice");
                drawn[y, x + i] = true;
            }
        }

        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                Assert.True(data.ModuleMatrix[y][x] == drawn[y, x], $"module ({x}, {y})");
            }
        }
    }

    [Fact]
    public void The_modules_are_the_ones_QRCoder_draws_for_addresses_of_every_length_and_in_any_script()
    {
        // QrCode draws the codes itself (QRCoder's mask scoring was seconds of a big build); QRCoder
        // stays the reference: the same version, codewords, placement and mask, module for module.
        var random = new Random(12);
        const string characters = "abcdefghijklmnopqrstuvwxyz0123-_/.";
        var addresses = new List<string> { "https://example.org/", "https://example.org/es/rodilla-ñandú/", "https://example.org/ar/\u0631\u0643\u0628\u0629/", "https://kneeguide.netlify.app/articles/article-00010/" };
        for (var length = 1; length < 900; length += length < 100 ? 1 : 13)
        {
            addresses.Add("https://e.org/" + new string(Enumerable.Range(0, length).Select(_ => characters[random.Next(characters.Length)]).ToArray()));
        }

        var versions = new HashSet<int>();
        foreach (var address in addresses)
        {
            var code = QrCode.Of(address);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
            Assert.Equal(data.ModuleMatrix.Count, code.Size);
            versions.Add((code.Size - 8 - 17) / 4);
            for (var y = 0; y < code.Size; y++)
            {
                for (var x = 0; x < code.Size; x++)
                {
                    Assert.True(data.ModuleMatrix[y][x] == code[x, y], $"module ({x}, {y}) of the code for {address}");
                }
            }
        }

        Assert.Superset(Enumerable.Range(2, 20).ToHashSet(), versions);
    }

    [Fact]
    public void The_same_address_gives_the_same_bytes_and_the_svg_needs_no_inline_style()
    {
        var a = QrSvg.Of("https://example.org/a/");
        Assert.Equal(a, QrSvg.Of("https://example.org/a/"));
        Assert.NotEqual(a, QrSvg.Of("https://example.org/b/"));
        Assert.DoesNotContain("style", a, StringComparison.Ordinal);
        Assert.StartsWith("<svg class=\"qr\"", a, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\"", a, StringComparison.Ordinal);
    }

    [GeneratedRegex("<path fill=\"#000\" d=\"([^\"]*)\"")]
    private static partial Regex Path();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\3z")]
    private static partial Regex Run();
}
