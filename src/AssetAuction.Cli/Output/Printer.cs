using System.Globalization;
using System.Text;
using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AssetAuction.Cli.Output;

/// <summary>
/// Writes a command's answer in the format asked for: readable tables (default), the response itself
/// as JSON (proto3 JSON mapping, for scripts), or CSV (each section with its header row; sections
/// separated by a blank line).
/// </summary>
internal sealed class Printer(CliHost host, string format)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatEnumsAsIntegers(false));

    /// <summary>One JSON document per line: for streams, where a reader handles one event at a time.</summary>
    private static readonly JsonFormatter JsonLine = new(JsonFormatter.Settings.Default);

    public string Format { get; } = format;

    public void Print(IMessage response, params Section[] sections)
    {
        switch (Format)
        {
            case "json":
                host.Out.WriteLine(Json.Format(response));
                break;
            case "csv":
                for (var i = 0; i < sections.Length; i++)
                {
                    if (i > 0)
                    {
                        host.Out.WriteLine();
                    }

                    WriteCsv(sections[i], header: true);
                }

                break;
            default:
                var console = Console();
                foreach (var section in sections)
                {
                    console.Write(Render(section));
                }

                break;
        }
    }

    /// <summary>One event of a stream: a JSON line, a CSV row (the header before the first), or a table row printed as it comes.</summary>
    public void PrintStreamed(IMessage item, Section row, bool first)
    {
        switch (Format)
        {
            case "json":
                host.Out.WriteLine(JsonLine.Format(item));
                break;
            case "csv":
                WriteCsv(row, header: first);
                break;
            default:
                if (first)
                {
                    host.Out.WriteLine(string.Join("  ", row.Headers));
                }

                foreach (var cells in row.Rows)
                {
                    host.Out.WriteLine(string.Join("  ", cells));
                }

                break;
        }

        host.Out.Flush();
    }

    /// <summary>A line for people only (a hint, the next page token): on stderr, so it never mixes into JSON or CSV.</summary>
    public void Note(string text) => host.Error.WriteLine(text);

    private IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(host.Out),
            Ansi = host.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = host.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = host.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!host.Interactive)
        {
            // Piped into a file or a pager: no window to fit, so no wrapping of long names.
            console.Profile.Width = 240;
        }

        return console;
    }

    private static Table Render(Section section)
    {
        var table = new Table { Title = new TableTitle(section.Title), Border = TableBorder.Rounded };
        if (section.IsFields)
        {
            table.HideHeaders();
        }

        foreach (var header in section.Headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        foreach (var row in section.Rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        }

        if (section.Rows.Count == 0)
        {
            table.Caption = new TableTitle("(none)");
        }

        return table;
    }

    private void WriteCsv(Section section, bool header)
    {
        if (header)
        {
            host.Out.WriteLine(string.Join(',', section.Headers.Select(Quote)));
        }

        foreach (var row in section.Rows)
        {
            host.Out.WriteLine(string.Join(',', row.Select(Quote)));
        }
    }

    private static string Quote(string value)
    {
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }

    /// <summary>Dong with thousands separators in tables; plain digits in CSV, where a script reads the number.</summary>
    public static string Money(long dong) => dong.ToString(PlainNumbers.Value ? "D" : "N0", CultureInfo.InvariantCulture);

    /// <summary>Set for the command being run (sections are built before they are printed).</summary>
    private static readonly AsyncLocal<bool> PlainNumbers = new();

    public void UseFormatForNumbers() => PlainNumbers.Value = Format == "csv";
}
