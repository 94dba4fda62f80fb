using System.Runtime.InteropServices;

namespace KneeGuide.Site.Output;

/// <summary>
/// Hard links, which .NET has no API for: an unchanged page is given to the new output as a second
/// name of the file already written, instead of being written again.
/// </summary>
internal static class HardLinks
{
    /// <summary>Makes <paramref name="path"/> another name of <paramref name="existing"/>; false when the file system cannot.</summary>
    public static bool TryCreate(string path, string existing)
    {
        try
        {
            return OperatingSystem.IsWindows() ? CreateHardLinkW(path, existing, IntPtr.Zero) : link(existing, path) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling code would need unsafe code for
    // two calls that pass two strings. On Unix, Ansi strings are marshalled as UTF-8.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "link", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int link(string existing, string path);

    [DllImport("kernel32.dll", EntryPoint = "CreateHardLinkW", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string path, string existing, IntPtr securityAttributes);
#pragma warning restore SYSLIB1054
}
