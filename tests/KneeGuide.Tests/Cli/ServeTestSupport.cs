using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KneeGuide.Tests.Cli;

/// <summary>Helpers for the editor-experience tests: the repository root, temporary sites, raw HTTP.</summary>
internal static class ServeTestSupport
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KneeGuide.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KneeGuide.sln not found above the test folder");
    }

    public static string Theme => Path.Combine(RepoRoot, "theme");

    /// <summary>A fresh temporary folder holding a copy of the clinic's input/ as "input" (and a stand-in for the web editor's bundle beside it).</summary>
    public static string CopyDefaultSite()
    {
        var root = Path.Combine(Path.GetTempPath(), "kg-editor-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepoRoot, "input"), Path.Combine(root, "input"));
        Support.TestSite.InstallCmsBundleStandIn(root);
        return root;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Sends a request line exactly as given (no client-side normalisation) and returns status and body.</summary>
    public static async Task<(int Status, string Head, string Body)> RawGetAsync(int port, string target, string? host = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{port}"}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? "" : text[(split + 4)..]);
    }
}
