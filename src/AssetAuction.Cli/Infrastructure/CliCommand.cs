using System.CommandLine;
using AssetAuction.Cli.Output;
using Grpc.Net.Client;

namespace AssetAuction.Cli;

/// <summary>What a command's body gets: the parsed line, a channel opened on first use, the printer,
/// and the request id of a mutating call (so a failure can say how to retry it safely).</summary>
internal sealed class CommandContext(CliHost host, ParseResult parse, CancellationToken cancellation) : IDisposable
{
    private GrpcChannel? _channel;

    public CliHost Host { get; } = host;

    public ParseResult Parse { get; } = parse;

    public CancellationToken Cancellation { get; } = cancellation;

    public Printer Printer { get; } = new(host, parse.GetValue(GlobalOptions.Output) ?? "table");

    public GrpcChannel Channel => _channel ??= Connection.Open(Host, Parse);

    public string? RequestId { get; private set; }

    /// <summary>The exit code of a command that answered but whose answer is a failure (a broken audit chain).</summary>
    public int ExitCode { get; set; } = ExitCodes.Ok;

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>The --request-id given, else a new one: a retry of a failed call should pass the one printed.</summary>
    public string NewRequestId(Option<string?> option)
    {
        RequestId = Parse.GetValue(option) is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        return RequestId;
    }

    public void Dispose() => _channel?.Dispose();
}

/// <summary>Small helpers to declare commands with the same error handling everywhere.</summary>
internal static class CliCommand
{
    public static Command Group(string name, string description, params Command[] children)
    {
        var group = new Command(name, description);
        foreach (var child in children)
        {
            group.Subcommands.Add(child);
        }

        return group;
    }

    public static Command Create(CliHost host, string name, string description, IEnumerable<Symbol> symbols, Func<CommandContext, Task> body)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(async (parse, cancellation) =>
        {
            using var context = new CommandContext(host, parse, cancellation);
            context.Printer.UseFormatForNumbers();
            try
            {
                await body(context);
                return context.ExitCode;
            }
            catch (Exception e) when (e is UsageException or Grpc.Core.RpcException or HttpRequestException or System.Net.Sockets.SocketException)
            {
                return ErrorReport.Write(host, e, context.Printer.Format == "json", context.RequestId);
            }
        });
        return command;
    }

    public static Option<string?> RequestId() => new("--request-id")
    {
        Description = "Idempotency key (a UUID); a new one when omitted. Retrying with the same id applies the change once.",
    };

    public static Option<string?> Text(string name, string description, bool required = false) => new(name) { Description = description, Required = required };

    public static Option<int> Number(string name, string description, int fallback = 0) => new(name) { Description = description, DefaultValueFactory = _ => fallback };

    public static Option<long> Money(string name, string description, bool required = false) => new(name) { Description = description + " (integer dong)", Required = required };

    public static Option<string?> Choice<T>(string name, string description)
        where T : struct, Enum
    {
        var option = new Option<string?>(name) { Description = $"{description}: {string.Join(", ", ProtoText.Choices<T>())}." };
        option.AcceptOnlyFromAmong(ProtoText.Choices<T>());
        return option;
    }

    public static Argument<string> Name(string description) => new("name") { Description = description };
}
