using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Organizations;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Seizures;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The pipeline's records in their protobuf form. Enum numbers match on both sides.</summary>
internal static class PipelineMapping
{
    public static void AddPipeline(this Proto.Asset proto, Asset asset)
    {
        proto.StartingPrice = asset.StartingPrice;
        proto.Valuations.Add(asset.Valuations.Select(v => v.ToProto()));
        if (asset.PendingRevaluation is { } pending)
        {
            proto.PendingRevaluation = new Proto.RevaluationRequest { RequestedBy = pending.RequestedBy, RequestDate = pending.RequestDate.ToProto() };
        }

        if (asset.Contract is { } c)
        {
            proto.AuctionContract = new Proto.AuctionContract { Organization = AuctionOrganization.NamePrefix + c.OrganizationId, OrganizationDisplayName = c.OrganizationName, ContractNumber = c.ContractNumber, ContractDate = c.ContractDate.ToProto() };
        }

        proto.CoOwnerAnswers.Add(asset.CoOwnerAnswers.Select(a => new Proto.CoOwnerAnswer { CoOwnerName = a.CoOwnerName, Accepted = a.Accepted, AnswerDate = a.AnswerDate.ToProto() }));
        proto.Rounds.Add(asset.Rounds.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToProto(asset.Description)));
        proto.PriceReductions.Add(asset.Reductions.Select(r => new Proto.PriceReduction
        {
            AfterRound = r.AfterRound, AgreedByParties = r.AgreedByParties, PreviousPrice = r.PreviousPrice, NewPrice = r.NewPrice, DecisionNumber = r.DecisionNumber, DecisionDate = r.DecisionDate.ToProto(),
        }));
        if (asset.Sale is { } sale)
        {
            proto.Sale = sale.ToProto();
        }

        proto.PastSales.Add(asset.PastSales.Select(ToProto));
        proto.ForfeitedDeposits.Add(asset.ForfeitedDeposits.Select(f => new Proto.ForfeitedDeposit
        {
            RoundNumber = f.RoundNumber, Amount = f.Amount, Recipient = (Proto.ForfeitedDeposit.Types.Recipient)f.Recipient, ForfeitedOn = f.ForfeitedOn.ToProto(), Reason = f.Reason,
        }));
        if (asset.Handover is { } h)
        {
            proto.Handover = new Proto.Handover
            {
                ScheduledDate = h.ScheduledDate.ToProto(), HandoverDate = h.HandoverDate.ToProto(), MinutesNumber = h.MinutesNumber, PoliceSupport = h.PoliceSupport,
                LandDocumentsSentOn = h.LandDocumentsSentOn.ToProto(), LandRegistrationOffice = h.LandRegistrationOffice,
            };
        }

        if (asset.Redemption is { } r)
        {
            proto.Redemption = new Proto.Redemption
            {
                PaidOn = r.PaidOn.ToProto(), ObligationAndCosts = r.ObligationAndCosts, BidderCostsReimbursed = r.BidderCostsReimbursed, Reference = r.Reference, DuringCreditorTakeover = r.DuringCreditorTakeover,
            };
        }

        if (asset.Takeover is { } t)
        {
            proto.CreditorTakeover = new Proto.CreditorTakeover
            {
                Creditor = t.Creditor.ToProto(), Value = t.Value, AcceptedOn = t.AcceptedOn.ToProto(), DebtorNotifiedOn = t.DebtorNotifiedOn.ToProto(), DebtorDeadline = t.DebtorDeadline.ToProto(), CompletedOn = t.CompletedOn.ToProto(),
            };
        }

        if (asset.Returned is { } back)
        {
            proto.ReturnedToDebtor = new Proto.ReturnToDebtor { ReturnedOn = back.ReturnedOn.ToProto(), EnforcementCosts = back.EnforcementCosts, LastStartingPrice = back.LastStartingPrice, Reason = back.Reason };
        }

        proto.TimeLimits.Add(asset.Deadlines.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.ToProto()));
        proto.History.Add(asset.History.Select(e => new Proto.HistoryEntry
        {
            Time = e.Time.ToProto(), Action = e.Action, FromState = (Proto.Asset.Types.State)e.FromState, ToState = (Proto.Asset.Types.State)e.ToState, Actor = e.Actor, Note = e.Note,
            LegalDate = e.LegalDate.ToProto(), RecordedLate = e.RecordedLate, Import = e.Import ?? "",
        }));
        proto.RecordedLate = asset.RecordedLate;
    }

    public static Proto.AuctionRound ToProto(this AuctionRound round, string assetDescription)
    {
        var proto = new Proto.AuctionRound
        {
            Name = $"{ResourceNames.Asset(round.AssetId)}/auctionRounds/{round.Id}",
            Asset = ResourceNames.Asset(round.AssetId),
            Office = round.Office,
            Number = round.Number,
            Organization = AuctionOrganization.NamePrefix + round.OrganizationId,
            State = (Proto.AuctionRound.Types.State)round.State,
            StartingPrice = round.StartingPrice,
            Plan = new Proto.RoundPlan
            {
                AuctionTime = round.AuctionTime.ToProto(), Place = round.Place, Online = round.Online, PostingDate = round.PostingDate.ToProto(),
                RegistrationStart = round.RegistrationStart.ToProto(), RegistrationEnd = round.RegistrationEnd.ToProto(), Deposit = round.Deposit, BidStep = round.BidStep,
                Method = (Proto.RoundPlan.Types.Method)round.Method,
            },
            AuctionDate = round.AuctionDate.ToProto(),
            Winner = round.Winner?.ToProto(),
            WinningPrice = round.WinningPrice,
            DepositPaid = round.DepositPaid,
            FailureReason = (Proto.AuctionRound.Types.FailureReason)round.FailureReason,
            ResultNote = round.ResultNote,
            ResultTime = round.ResultTime.ToProto(),
            UpdateTime = round.UpdateTime.ToProto(),
            AssetDescription = assetDescription,
        };
        proto.Changes.Add(round.Changes.Select(c => new Proto.RoundChange
        {
            Time = c.Time.ToProto(), Kind = c.Kind, Reason = c.Reason, PreviousAuctionTime = c.PreviousAuctionTime.ToProto(), NewAuctionTime = c.NewAuctionTime.ToProto(),
        }));
        return proto;
    }

    private static Proto.Sale ToProto(this Sale sale)
    {
        var s = new Proto.Sale
        {
            RoundNumber = sale.RoundNumber, ToCoOwner = sale.ToCoOwner, Buyer = sale.Buyer.ToProto(), Price = sale.Price, DepositCounted = sale.DepositCounted,
            SaleDate = sale.SaleDate.ToProto(), PaymentDueDate = sale.PaymentDueDate.ToProto(), FullyPaidOn = sale.FullyPaidOn.ToProto(), Paid = sale.Paid, Balance = sale.Balance,
        };
        s.Payments.Add(sale.Payments.Select(p => new Proto.BuyerPayment { Amount = p.Amount, PaidOn = p.PaidOn.ToProto(), Reference = p.Reference }));
        return s;
    }

    public static Proto.TimeLimit ToProto(this Deadline d) => new()
    {
        Name = $"{ResourceNames.Asset(d.AssetId)}/timeLimits/{d.Id}", Office = d.Office, Officer = d.Officer,
        Kind = (Proto.TimeLimit.Types.Kind)d.Kind, State = (Proto.TimeLimit.Types.State)d.State, DueDate = d.DueDate.ToProto(), Basis = d.Basis, RuleSet = d.RuleSet,
        OpenedOn = d.OpenedOn.ToProto(), OpenTime = d.OpenTime.ToProto(), ClosedOn = d.ClosedOn.ToProto(), ClosedBy = d.ClosedBy,
        ReminderReportTime = d.ReminderReportedAt.ToProto(), OverdueReportTime = d.OverdueReportedAt.ToProto(),
    };

    private static Proto.Valuation ToProto(this Valuation v) => new()
    {
        Method = (Proto.Valuation.Types.Method)v.Method, Revaluation = v.Revaluation, Price = v.Price, OrganizationName = v.OrganizationName, ContractNumber = v.ContractNumber,
        ContractDate = v.ContractDate.ToProto(), DocumentNumber = v.DocumentNumber, ResultDate = v.ResultDate.ToProto(), NotifiedDate = v.NotifiedDate.ToProto(),
    };

    public static Proto.AuctionOrganization ToProto(this AuctionOrganization o) => new()
    {
        Name = o.Name, DisplayName = o.DisplayName, LicenceNumber = o.LicenceNumber, Address = o.Address, Contact = o.Contact, CreateTime = o.CreateTime.ToProto(), Etag = o.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The round plan from the request: the auction's legal date is read in Vietnam's time.</summary>
    public static AuctionRoundPlan ToDomain(this Proto.RoundPlan plan) => new(
        plan.AuctionTime.ToDateTimeOffset(),
        Domain.Common.VietnamTime.DateAt(plan.AuctionTime.ToDateTimeOffset()),
        plan.Place.Trim(),
        plan.Online,
        plan.PostingDate.ToDateOnly()!.Value,
        plan.RegistrationStart.ToDateOnly()!.Value,
        plan.RegistrationEnd.ToDateOnly()!.Value,
        plan.Deposit,
        plan.BidStep,
        (AuctionMethod)plan.Method);
}
