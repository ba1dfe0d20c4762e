using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>
/// Distribution plans under maker and checker: `plan prepare` (finance, the maker), `plan approve`
/// (finance, another person), `plan payout`, `plan withdraw` and `plan show`. Commands that change a
/// plan read its current etag when --etag is not given.
/// </summary>
internal static class PlanCommands
{
    public static Command Build(CliHost host) => CliCommand.Group("plan", "Distribution plans of a sold asset's proceeds.",
        Prepare(host), Show(host), Approve(host), Payout(host), Withdraw(host));

    private static Command Prepare(CliHost host)
    {
        var asset = CliCommand.Text("--asset", "The sold asset (assets/{id}).", required: true);
        var costs = CliCommand.Money("--costs", "Enforcement costs to take first");
        var housing = CliCommand.Money("--housing", "The amount kept for the debtor's housing");
        var decision = CliCommand.Text("--decision", "The distribution decision's number.", required: true);
        var decisionDate = CliCommand.Text("--decision-date", "The decision's date, yyyy-MM-dd.", required: true);
        var paymentDate = CliCommand.Text("--payment-date", "The payment date, yyyy-MM-dd.", required: true);
        var requestId = CliCommand.RequestId();
        return CliCommand.Create(host, "prepare", "Prepare (as maker) the distribution plan of a sold asset.", [asset, costs, housing, decision, decisionDate, paymentDate, requestId], async context =>
        {
            var computation = new ComputeDistributionRequest
            {
                Asset = context.Value(asset)!,
                EnforcementCosts = context.Value(costs),
                HousingAmount = context.Value(housing),
                Decision = context.Value(decision)!,
                DecisionDate = ProtoText.ParseDate(context.Value(decisionDate)!, "--decision-date"),
                PaymentDate = ProtoText.ParseDate(context.Value(paymentDate)!, "--payment-date"),
            };

            var response = await Client(context).PrepareDistributionPlanAsync(
                new PrepareDistributionPlanRequest { RequestId = context.NewRequestId(requestId), Computation = computation },
                cancellationToken: context.Cancellation);
            context.Printer.Print(response, Sections(response.Plan));
        });
    }

    private static Command Show(CliHost host)
    {
        var name = CliCommand.Name("The plan, as assets/{asset}/distributionPlans/{plan}.");
        return CliCommand.Create(host, "show", "Show a plan with its creditors, reasoning and payouts.", [name], async context =>
        {
            var response = await Client(context).GetDistributionPlanAsync(new GetDistributionPlanRequest { Name = context.Value(name) }, cancellationToken: context.Cancellation);
            context.Printer.Print(response, Sections(response.Plan));
        });
    }

    private static Command Approve(CliHost host)
    {
        var name = CliCommand.Name("The plan, as assets/{asset}/distributionPlans/{plan}.");
        var etag = CliCommand.Text("--etag", "The etag last read; the current one when omitted.");
        var requestId = CliCommand.RequestId();
        return CliCommand.Create(host, "approve", "Approve (as checker, not the preparer) a prepared plan.", [name, etag, requestId], async context =>
        {
            var plan = context.Value(name);
            var response = await Client(context).ApproveDistributionPlanAsync(
                new ApproveDistributionPlanRequest { RequestId = context.NewRequestId(requestId), Name = plan, Etag = await EtagAsync(context, plan, etag) },
                cancellationToken: context.Cancellation);
            context.Printer.Print(response, Sections(response.Plan));
        });
    }

    private static Command Payout(CliHost host)
    {
        var name = CliCommand.Name("The plan, as assets/{asset}/distributionPlans/{plan}.");
        var creditor = CliCommand.Text("--creditor", "The creditor's id in the plan.", required: true);
        var amount = CliCommand.Money("--amount", "Amount paid", required: true);
        var paidOn = CliCommand.Text("--paid-on", "Payment day, yyyy-MM-dd.", required: true);
        var method = CliCommand.Choice<Payout.Types.Method>("--method", "How it was paid (default bank-transfer)");
        var reference = CliCommand.Text("--reference", "The bank or treasury reference.");
        var etag = CliCommand.Text("--etag", "The etag last read; the current one when omitted.");
        var requestId = CliCommand.RequestId();
        return CliCommand.Create(host, "payout", "Record a payout to a creditor under an approved plan.", [name, creditor, amount, paidOn, method, reference, etag, requestId], async context =>
        {
            var plan = context.Value(name);
            var response = await Client(context).RecordPayoutAsync(new RecordPayoutRequest
            {
                RequestId = context.NewRequestId(requestId),
                Name = plan,
                Etag = await EtagAsync(context, plan, etag),
                Payout = new Payout
                {
                    CreditorId = context.Value(creditor)!,
                    Amount = context.Value(amount),
                    PaidOn = ProtoText.ParseDate(context.Value(paidOn)!, "--paid-on"),
                    Method = context.Value(method) is { } m ? ProtoText.ParseEnum<Payout.Types.Method>(m) : Contracts.V1.Payout.Types.Method.BankTransfer,
                    Reference = context.Value(reference) ?? "",
                },
            }, cancellationToken: context.Cancellation);
            context.Printer.Print(response, Sections(response.Plan));
        });
    }

    private static Command Withdraw(CliHost host)
    {
        var name = CliCommand.Name("The plan, as assets/{asset}/distributionPlans/{plan}.");
        var reason = CliCommand.Text("--reason", "Why the plan is withdrawn.", required: true);
        var etag = CliCommand.Text("--etag", "The etag last read; the current one when omitted.");
        var requestId = CliCommand.RequestId();
        return CliCommand.Create(host, "withdraw", "Withdraw a plan before anything is paid out under it.", [name, reason, etag, requestId], async context =>
        {
            var plan = context.Value(name);
            var response = await Client(context).WithdrawDistributionPlanAsync(
                new WithdrawDistributionPlanRequest { RequestId = context.NewRequestId(requestId), Name = plan, Etag = await EtagAsync(context, plan, etag), Reason = context.Value(reason)! },
                cancellationToken: context.Cancellation);
            context.Printer.Print(response, Sections(response.Plan));
        });
    }

    private static ProceedsService.ProceedsServiceClient Client(CommandContext context) => new(context.Channel);

    private static async Task<string> EtagAsync(CommandContext context, string plan, Option<string?> etag) =>
        context.Value(etag) ?? (await Client(context).GetDistributionPlanAsync(new GetDistributionPlanRequest { Name = plan }, cancellationToken: context.Cancellation)).Plan.Etag;

    public static Section[] Sections(StoredDistributionPlan stored)
    {
        var plan = stored.Plan ?? new DistributionPlan();
        return
        [
            Section.Fields(stored.Name,
                ("state", ProtoText.Enum(stored.State)),
                ("asset", plan.Asset),
                ("collected", Printer.Money(plan.Collected)),
                ("payment date", ProtoText.Date(plan.PaymentDate)),
                ("enforcement costs", Printer.Money(plan.EnforcementCostsPaid)),
                ("housing kept", Printer.Money(plan.HousingAmountKept)),
                ("surplus to the debtor", Printer.Money(plan.Surplus)),
                ("prepared by", stored.PreparedBy),
                ("approved by", stored.ApprovedBy),
                ("etag", stored.Etag)),
            Section.Table("Creditors", plan.Creditors,
                ("creditor", c => c.CreditorId),
                ("name", c => c.CreditorName),
                ("owed", c => Printer.Money(c.Owed)),
                ("share", c => Printer.Money(c.Share)),
                ("fee withheld", c => Printer.Money(c.FeeWithheld)),
                ("net payout", c => Printer.Money(c.NetPayout))),
            Section.Table("Payouts", stored.Payouts,
                ("creditor", p => p.CreditorId),
                ("amount", p => Printer.Money(p.Amount)),
                ("paid on", p => ProtoText.Date(p.PaidOn)),
                ("method", p => ProtoText.Enum(p.Method)),
                ("reference", p => p.Reference),
                ("recorded by", p => p.RecordedBy)),
            Section.Table("Reasoning", plan.Steps.Select((step, i) => (Number: i + 1, Step: step)),
                ("#", s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("step", s => s.Step)),
        ];
    }
}
