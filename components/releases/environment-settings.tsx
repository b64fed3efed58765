"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { EnvironmentSettings } from "../../domain/release/environment";
import { draftOf, SELECT, StepEditor, stepOf } from "./step-editor";
import { errorDetails } from "../ui/errors";
import { parseVariables, StepEnvironmentFields, variablesText } from "./environment-variables";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field, TextInput } from "../ui/field";
import { toast } from "../ui/toaster";
import type { EnvironmentView } from "./use-releases";

/** An environment's settings: strategy, addresses, deployer, verify, switch and schedule. */
export function EnvironmentSettingsDialog({
  project,
  environment,
  open,
  onClose,
  onSaved,
}: {
  project: string;
  environment: EnvironmentView;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const s = environment.settings as EnvironmentSettings;
  const [strategy, setStrategy] = useState(environment.strategy);
  const [url, setUrl] = useState(s.url ?? "");
  const [blue, setBlue] = useState(s.slots.blue ?? "");
  const [green, setGreen] = useState(s.slots.green ?? "");
  const [deployer, setDeployer] = useState(draftOf(s.deployer));
  const [verify, setVerify] = useState(draftOf(s.verify));
  const [switchStep, setSwitchStep] = useState(draftOf(s.switch));
  const [provision, setProvision] = useState(draftOf(s.provision));
  const [cron, setCron] = useState(s.schedule?.cron ?? "");
  const [timezone, setTimezone] = useState(s.schedule?.timezone ?? "");
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [tags, setTags] = useState(s.workerTags.join(", "));
  const [plainVariables, setPlainVariables] = useState(variablesText(s.variables, false));
  const [secretVariables, setSecretVariables] = useState(variablesText(s.variables, true));
  /** The server's field errors under one step or group of the settings ("settings.deployer.command" → command). */
  const under = (prefix: string) =>
    Object.fromEntries(
      Object.entries(invalid)
        .filter(([field]) => field.startsWith(`settings.${prefix}.`))
        .map(([field, message]) => [field.slice(`settings.${prefix}.`.length), message]),
    );
  const save = useMutation(
    trpc.release.configureEnvironment.mutationOptions({
      onSuccess: () => {
        toast.success(`Saved ${environment.name}'s settings`);
        onSaved();
        onClose();
      },
      onError: (error) => {
        const details = errorDetails(error);
        setInvalid(details.fields);
        toast.error("Cannot save these settings", [details.message]);
      },
    }),
  );
  const submit = () =>
    save.mutate({
      project,
      environment: environment.name,
      strategy,
      settings: {
        url: url.trim() || null,
        slots: { blue: blue.trim() || null, green: green.trim() || null },
        deployer: stepOf(deployer),
        verify: stepOf(verify),
        switch: stepOf(switchStep),
        provision: stepOf(provision),
        schedule: cron.trim() ? { cron: cron.trim(), timezone: timezone.trim() || null } : null,
        autoRollback: s.autoRollback,
        workerTags: tags
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
        variables: parseVariables(plainVariables, secretVariables),
      },
    });
  return (
    <Dialog open={open} onClose={onClose} title={`${environment.name} settings`} side>
      <form
        className="space-y-3 text-[13px]"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Strategy">
          <select className={SELECT} value={strategy} onChange={(e) => setStrategy(e.target.value as typeof strategy)}>
            <option value="in-place">In place</option>
            <option value="blue-green">Blue-green (two slots, switch on promotion)</option>
          </select>
        </Field>
        <Field
          label="Address"
          error={invalid["settings.url"]}
          hint="Where the environment answers; relative addresses are on this Shiplane."
        >
          <TextInput value={url} onChange={(e) => setUrl(e.target.value)} />
        </Field>
        {strategy === "blue-green" && (
          <div className="grid grid-cols-2 gap-2">
            <Field label="Blue slot address" error={invalid["settings.slots.blue"]}>
              <TextInput value={blue} onChange={(e) => setBlue(e.target.value)} />
            </Field>
            <Field label="Green slot address" error={invalid["settings.slots.green"]}>
              <TextInput value={green} onChange={(e) => setGreen(e.target.value)} />
            </Field>
          </div>
        )}
        <StepEditor
          label="Deployer"
          invalid={under("deployer")}
          draft={deployer}
          onChange={setDeployer}
          kinds={["none", "command", "webhook"]}
          hint="Exit 0 (or the tool's callback) is success."
        />
        <StepEditor
          label="Verify"
          invalid={under("verify")}
          draft={verify}
          onChange={setVerify}
          kinds={["none", "command", "external"]}
          hint="The regression suite: a command writing JUnit XML to $SHIPLANE_JUNIT_FILE, or an external runner posting its results."
        />
        {strategy === "blue-green" && (
          <StepEditor
            label="Switch"
            invalid={under("switch")}
            draft={switchStep}
            onChange={setSwitchStep}
            kinds={["none", "command", "webhook"]}
            hint="Moves traffic to $SHIPLANE_TO_SLOT."
          />
        )}
        <StepEditor
          label="Provision"
          invalid={under("provision")}
          draft={provision}
          onChange={setProvision}
          kinds={["none", "command", "webhook"]}
          hint="Runs when a new environment is made from this one."
        />
        <StepEnvironmentFields
          tags={tags}
          onTags={setTags}
          plain={plainVariables}
          onPlain={setPlainVariables}
          secret={secretVariables}
          onSecret={setSecretVariables}
          invalid={invalid}
        />
        <div className="grid grid-cols-2 gap-2">
          <Field
            label="Schedule (cron)"
            error={under("schedule").cron}
            hint='Deploys the newest release, e.g. "0 2 * * *". Blank: none.'
          >
            <TextInput value={cron} onChange={(e) => setCron(e.target.value)} className="font-mono" />
          </Field>
          <Field label="Time zone" error={under("schedule").timezone} hint="e.g. Europe/Berlin; blank: the server's.">
            <TextInput value={timezone} onChange={(e) => setTimezone(e.target.value)} />
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** "New environment from template": one name, and the template's settings are copied. */
export function NewEnvironmentDialog({
  project,
  template,
  taken,
  open,
  onClose,
  onSaved,
}: {
  project: string;
  template: EnvironmentView;
  taken: string[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.release.createEnvironment.mutationOptions({
      onSuccess: () => {
        toast.success(`Created ${name} from ${template.name}`);
        setName("");
        onSaved();
        onClose();
      },
      onError: (error) => toast.error("Cannot create the environment", [errorDetails(error).message]),
    }),
  );
  const clash = taken.includes(name.trim().toLowerCase());
  return (
    <Dialog open={open} onClose={onClose} title={`New environment from ${template.name}`}>
      <form
        className="space-y-3 text-[13px]"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ project, template: template.name, name });
        }}
      >
        <Field
          label="Name"
          hint={`Copies ${template.name}'s deployer, verify and switch steps and runs its provisioning step.`}
        >
          <TextInput value={name} onChange={(e) => setName(e.target.value)} placeholder="staging" autoFocus />
        </Field>
        {clash && (
          <p className="text-red-700 dark:text-red-400">There is already an environment named {name.trim()}.</p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!name.trim() || clash || create.isPending}>
            Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
