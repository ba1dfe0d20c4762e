using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Organizations;
using AssetAuction.Service.Grpc;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Assets;

/// <summary>
/// Domain assets to and from their protobuf form, in one place: the seizure, the pipeline's records (valuations,
/// rounds, the sale, time limits) and the auction organizations they name. Enum numbers match on both sides.
/// </summary>
internal static class AssetMapping
{
    public static Proto.Asset ToProto(this Asset asset)
    {
        var proto = new Proto.Asset
        {
            Name = asset.Name,
            Seizure = asset.Seizure.ToProto(),
            Office = asset.Office,
            State = (Proto.Asset.Types.State)asset.State,
            Kind = (Proto.Asset.Types.Kind)asset.Kind,
            Description = asset.Description,
            ReleaseReason = asset.ReleaseReason,
            ReleaseTime = asset.ReleaseTime.ToProto(),
            CreateTime = asset.CreateTime.ToProto(),
            UpdateTime = asset.UpdateTime.ToProto(),
            Etag = asset.Etag,
            SourceReference = asset.SourceReference ?? "",
            Import = asset.Import ?? "",
        };
        proto.Owners.Add(asset.Owners.Select(o => new Proto.Owner
        {
            Party = o.Party.ToProto(),
            JudgmentDebtor = o.JudgmentDebtor,
            ShareNumerator = o.ShareNumerator,
            ShareDenominator = o.ShareDenominator,
        }));
        proto.Encumbrances.Add(asset.Encumbrances.Select(e => new Proto.Encumbrance
        {
            Type = (Proto.Encumbrance.Types.Type)e.Type,
            SecuredParty = e.SecuredParty.ToProto(),
            SecuredObligation = e.SecuredObligation,
            SecuredAmount = e.SecuredAmount,
            RegistrationNumber = e.RegistrationNumber,
            RegistrationDate = e.RegistrationDate.ToProto(),
        }));
        proto.AddPipeline(asset);
        switch (asset.Kind)
        {
            case AssetKind.LandUseRight:
                proto.LandUseRight = asset.Land!.ToProto();
                break;
            case AssetKind.House:
                proto.House = asset.House!.ToProto();
                break;
            case AssetKind.RoadVehicle:
                proto.RoadVehicle = asset.Vehicle!.ToProto();
                break;
            case AssetKind.OtherMovable:
                proto.OtherMovable = new Proto.OtherMovable { Description = asset.Movable!.Description, IdentifyingMarks = asset.Movable.IdentifyingMarks, Quantity = asset.Movable.Quantity };
                break;
        }

        return proto;
    }

    public static Proto.SeizureAct ToProto(this SeizureAct act)
    {
        var proto = new Proto.SeizureAct
        {
            Name = act.Name,
            EnforcementCase = new Proto.EnforcementCase
            {
                CaseNumber = act.Case.CaseNumber,
                DecisionNumber = act.Case.DecisionNumber,
                DecisionDate = act.Case.DecisionDate.ToProto(),
                Office = act.Case.Office,
                Officer = act.Case.Officer,
                StateBudgetDebt = act.Case.StateBudgetDebt,
            },
            SeizureDate = act.SeizureDate.ToProto(),
            MinutesNumber = act.MinutesNumber,
        };
        proto.Debtors.Add(act.Debtors.Select(ToProto));
        return proto;
    }

    public static Proto.Party ToProto(this Party party) => new()
    {
        Type = (Proto.Party.Types.Type)party.Type,
        FullName = party.FullName,
        IdentityNumber = party.IdentityNumber,
        Address = party.Address,
    };

    private static Proto.LandUseRight ToProto(this LandUseRight land)
    {
        var proto = new Proto.LandUseRight
        {
            Province = land.Province,
            Commune = land.Commune,
            MapSheetNumber = land.MapSheetNumber,
            ParcelNumber = land.ParcelNumber,
            Address = land.Address,
            AreaM2 = land.AreaM2,
            LandUsePurpose = land.LandUsePurpose,
            UseTerm = land.UseTerm,
            CertificateNumber = land.CertificateNumber,
            CertificateIssueDate = land.CertificateIssueDate.ToProto(),
            OnlyResidence = land.OnlyResidence,
        };
        proto.AttachedProperties.Add(land.AttachedProperties.Select(p => new Proto.AttachedProperty
        {
            Description = p.Description,
            FloorAreaM2 = p.FloorAreaM2,
            OwnedByDebtor = p.OwnedByDebtor,
            OwnerName = p.OwnerName,
        }));
        return proto;
    }

    private static Proto.House ToProto(this House house) => new()
    {
        Type = (Proto.House.Types.Type)house.Type,
        Province = house.Province,
        Commune = house.Commune,
        Address = house.Address,
        ApartmentNumber = house.ApartmentNumber,
        FloorAreaM2 = house.FloorAreaM2,
        CertificateNumber = house.CertificateNumber,
        CertificateIssueDate = house.CertificateIssueDate.ToProto(),
        OnlyResidence = house.OnlyResidence,
    };

    private static Proto.RoadVehicle ToProto(this RoadVehicle vehicle) => new()
    {
        PlateNumber = vehicle.PlateNumber,
        ChassisNumber = vehicle.ChassisNumber,
        EngineNumber = vehicle.EngineNumber,
        RegistrationCertificateNumber = vehicle.RegistrationCertificateNumber,
        RegistrationDate = vehicle.RegistrationDate.ToProto(),
        MakeModel = vehicle.MakeModel,
    };

    public static Party ToDomain(this Proto.Party party) => new()
    {
        Type = (PartyType)party.Type,
        FullName = party.FullName.Trim(),
        IdentityNumber = party.IdentityNumber.Trim(),
        Address = party.Address.Trim(),
    };

    public static AssetDetails ToDomainDetails(this Proto.NewAsset asset) => asset.DetailsCase switch
    {
        Proto.NewAsset.DetailsOneofCase.LandUseRight => new AssetDetails(AssetKind.LandUseRight, Land: asset.LandUseRight.ToDomain()),
        Proto.NewAsset.DetailsOneofCase.House => new AssetDetails(AssetKind.House, House: asset.House.ToDomain()),
        Proto.NewAsset.DetailsOneofCase.RoadVehicle => new AssetDetails(AssetKind.RoadVehicle, Vehicle: asset.RoadVehicle.ToDomain()),
        Proto.NewAsset.DetailsOneofCase.OtherMovable => new AssetDetails(AssetKind.OtherMovable, Movable: new OtherMovable
        {
            Description = asset.OtherMovable.Description.Trim(),
            IdentifyingMarks = asset.OtherMovable.IdentifyingMarks.Trim(),
            Quantity = asset.OtherMovable.Quantity,
        }),
        _ => throw new ArgumentException("The asset has no details; the validator should have refused it.", nameof(asset)),
    };

    public static Owner ToDomain(this Proto.Owner owner) => new()
    {
        Party = owner.Party.ToDomain(),
        JudgmentDebtor = owner.JudgmentDebtor,
        ShareNumerator = owner.ShareNumerator,
        ShareDenominator = owner.ShareDenominator,
    };

    public static Encumbrance ToDomain(this Proto.Encumbrance encumbrance) => new()
    {
        Type = (EncumbranceType)encumbrance.Type,
        SecuredParty = encumbrance.SecuredParty.ToDomain(),
        SecuredObligation = encumbrance.SecuredObligation.Trim(),
        SecuredAmount = encumbrance.SecuredAmount,
        RegistrationNumber = encumbrance.RegistrationNumber.Trim(),
        RegistrationDate = encumbrance.RegistrationDate.ToDateOnly(),
    };

    private static LandUseRight ToDomain(this Proto.LandUseRight land) => new()
    {
        Province = land.Province.Trim(),
        Commune = land.Commune.Trim(),
        MapSheetNumber = land.MapSheetNumber.Trim(),
        ParcelNumber = land.ParcelNumber.Trim(),
        Address = land.Address.Trim(),
        AreaM2 = land.AreaM2,
        LandUsePurpose = land.LandUsePurpose.Trim(),
        UseTerm = land.UseTerm.Trim(),
        CertificateNumber = land.CertificateNumber.Trim(),
        CertificateIssueDate = land.CertificateIssueDate.ToDateOnly(),
        OnlyResidence = land.OnlyResidence,
        AttachedProperties = [.. land.AttachedProperties.Select(p => new AttachedProperty
        {
            Description = p.Description.Trim(),
            FloorAreaM2 = p.FloorAreaM2,
            OwnedByDebtor = p.OwnedByDebtor,
            OwnerName = p.OwnerName.Trim(),
        })],
    };

    private static House ToDomain(this Proto.House house) => new()
    {
        Type = (HouseType)house.Type,
        Province = house.Province.Trim(),
        Commune = house.Commune.Trim(),
        Address = house.Address.Trim(),
        ApartmentNumber = house.ApartmentNumber.Trim(),
        FloorAreaM2 = house.FloorAreaM2,
        CertificateNumber = house.CertificateNumber.Trim(),
        CertificateIssueDate = house.CertificateIssueDate.ToDateOnly(),
        OnlyResidence = house.OnlyResidence,
    };

    private static RoadVehicle ToDomain(this Proto.RoadVehicle vehicle) => new()
    {
        PlateNumber = vehicle.PlateNumber.Trim(),
        ChassisNumber = vehicle.ChassisNumber.Trim(),
        EngineNumber = vehicle.EngineNumber.Trim(),
        RegistrationCertificateNumber = vehicle.RegistrationCertificateNumber.Trim(),
        RegistrationDate = vehicle.RegistrationDate.ToDateOnly(),
        MakeModel = vehicle.MakeModel.Trim(),
    };

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
