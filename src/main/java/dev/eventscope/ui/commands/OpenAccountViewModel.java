package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerRuleViolation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;

/** Open an account: name (its type shown live from the top segment, an invalid name explained as you type), opened-on date, description. */
public final class OpenAccountViewModel extends CommandFormViewModel {

    private final FormField account;
    private final FormField openedOn;
    private final FormField description;

    public OpenAccountViewModel(CommandEnvironment environment) {
        super("Open an account", "Open account", environment);
        account = addField(ViolationTarget.ACCOUNT, "Account", FieldKind.TEXT, "assets:bank:checking");
        openedOn = addField(ViolationTarget.DATE, "Opened on", FieldKind.DATE, "");
        description = addField(ViolationTarget.DESCRIPTION, "Description", FieldKind.TEXT, "optional");
        openedOn.dateProperty().set(LocalDate.now(environment.clock()));
        account.textProperty().addListener((observable, before, name) -> explain(name));
        explain("");
    }

    private void explain(String name) {
        if (name == null || name.isBlank()) {
            account.showHint("The name gives the type, as hledger infers it: assets, liabilities, equity, income or"
                    + " expenses; any other name is unclassified, shown under Other.", false);
            return;
        }
        try {
            AccountName parsed = AccountName.of(name.strip());
            AccountType type = parsed.type();
            account.showHint("Type: " + type.name().toLowerCase(Locale.ROOT)
                    + (type == AccountType.UNCLASSIFIED ? " (shown under Other)" : ""), false);
        } catch (LedgerRuleViolation problem) {
            account.showHint(problem.getMessage(), true);
        }
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        AccountName name = AccountName.of(required(account, "account name"));
        String text = description.value();
        return new OpenAccount(name, requiredDate(openedOn, "opening date"), text.isEmpty() ? null : text);
    }

    /** The new account, selected in the sidebar with its history shown, as a new entry is after a post. */
    @Override
    protected dev.eventscope.eventstore.StreamId writtenStream(Object command) {
        return dev.eventscope.eventstore.StreamId.of(dev.eventscope.domain.ledger.LedgerStreams.account(((OpenAccount) command).account()));
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        return "Opened " + ((OpenAccount) command).account() + ".";
    }
}
