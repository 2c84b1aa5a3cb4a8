using System.Diagnostics;
using Xunit;

namespace KnowledgeGen.Cli.Tests;

/// <summary>Tables or plain text: the width of the terminal, and the columns the tables show.</summary>
public class TerminalTests
{
    [Theory]
    [InlineData(false, true, 80, false)]
    [InlineData(false, true, PlainOption.MinimumTableWidth, false)]
    [InlineData(false, true, PlainOption.MinimumTableWidth - 1, true)]
    [InlineData(false, true, 20, true)]
    [InlineData(true, true, 200, true)]
    [InlineData(false, false, 200, true)]
    public void Tables_only_in_a_terminal_wide_enough(bool plainGiven, bool terminal, int width, bool plain) =>
        Assert.Equal(plain, PlainOption.WritesPlain(plainGiven, terminal, width));

    [Theory]
    [InlineData("20", 20)]
    [InlineData("132", 132)]
    [InlineData(null, 80)]
    [InlineData("", 80)]
    [InlineData("0", 80)]
    [InlineData("-5", 80)]
    [InlineData("wide", 80)]
    public void COLUMNS_overrides_the_console_width(string? columns, int width) =>
        Assert.Equal(width, PlainOption.TerminalWidth(columns, () => 80));

    [Fact]
    public void The_timeline_table_shows_each_claims_id()
    {
        var text = Render(console => Queries.TimelineCommand.WriteTable(FixturePacks.Starter, console));
        Assert.Contains("│ Id ", text);
        Assert.Contains("taliban-lost-40-fighters", text);
    }

    [Fact]
    public void The_contested_table_shows_corroboration()
    {
        var text = Render(console => Queries.ContestedCommand.WriteTable(FixturePacks.Starter, console));
        Assert.Contains("Corroboration", text);
        Assert.Contains("1 independent origin (report-001)", text);
    }

    // The tool in a pseudo-terminal (util-linux `script`): the one place where it draws tables.
    [LinuxTerminalTheory]
    [InlineData("timeline", "(ussr-withdrew-1989-000)")]
    [InlineData("contested", "corroboration: 1 report, 1 independent origin (report-000)")]
    [InlineData("briefing", "Claims per claimant")]
    [InlineData("who", "Mentioned in (18)", "Punjir")]
    public void A_terminal_narrower_than_tables_need_gets_plain_text(string command, string line, params string[] args)
    {
        var narrow = RunInTerminal("20", new[] { command }.Concat(args).ToArray());
        Assert.DoesNotContain("│", narrow);
        Assert.Contains(line, narrow);
        Assert.Contains("┌", RunInTerminal("160", new[] { command }.Concat(args).ToArray()));
    }

    private static string Render(Action<Spectre.Console.IAnsiConsole> write) => TableConsole.Render(200, write);

    private static string RunInTerminal(string columns, string[] args)
    {
        static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = string.Join(' ', new[] { host, Path.Combine(AppContext.BaseDirectory, "KnowledgeGen.Cli.dll") }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
            start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = columns;
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(CliProcess.Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"knowledgegen {string.Join(' ', args)} did not finish within {CliProcess.Timeout.TotalSeconds} seconds.");
        }
        Assert.Equal(0, process.ExitCode);
        return output.Result;
    }
}

/// <summary>A theory that needs a pseudo-terminal, which util-linux's <c>script</c> gives on Linux.</summary>
public sealed class LinuxTerminalTheoryAttribute : TheoryAttribute
{
    public LinuxTerminalTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script"))
            Skip = "Needs Linux and util-linux's script.";
    }
}
