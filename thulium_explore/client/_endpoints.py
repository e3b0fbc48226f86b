"""Typed endpoints of :class:`ThuliumClient`: one class per endpoint group of the shipped catalog.

Generated — do not edit; regenerate with ``python -m thulium_explore.client._typing_gen``
(tests/unit/test_typed_endpoints.py fails while this file is stale).

Type checkers and IDEs read the signatures below. At run time each method is the one
``EndpointGroup`` makes from the client's catalog, so the schema still judges every argument
(an unknown or missing parameter is a ParameterError, as with ``client.call``).
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal

from thulium_explore.client._groups import EndpointGroup, GroupAttribute
from thulium_explore.client._result import CallResult


class AgentsEndpoints(EndpointGroup):
    """``client.agents``: the ``agents.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def answer(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Answer the ringing call — POST /api/agents/{login}/answer

            Answers the call ringing at the agent (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def call(
            self,
            *,
            login: str,
            phone_number: str | None = None,
            outbound_id: str | None = None,
            customer_id: int | None = None,
            caller_id: str | None = None,
            custom_data: Any = None,
        ) -> CallResult:
            """Make an agent call a number (click-to-call) — POST /api/agents/{login}/call

            Makes the agent call phone_number, or the customer's number when only customer_id is given. The response
            body is empty.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
                phone_number (string, optional, example '222333444'): Number to call. Optional if customer_id is given.
                outbound_id (string, optional, example 'ABCDE'): Id of the outbound campaign: 5 characters.
                customer_id (integer, optional, example 273): CRM customer to call. Integer type and minimum 1 inferred.
                caller_id (string, optional): Number shown to the called party.
                custom_data (any, optional): Your data attached to the call. Type not documented, so not checked.
            """

        def call_preview(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Call in preview mode — POST /api/agents/{login}/call_preview

            Starts a preview call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def create(
            self,
            *,
            name: str,
            surname: str,
            login: str,
            password: str,
            number: str,
            email: str | None = None,
            change_password: bool | None = None,
            callerid: str | None = None,
            language: Literal["pl", "en"] | None = None,
            active: bool | None = None,
            outbound_mode: Literal["manual", "auto"] | None = None,
            roles: list[Any] | None = None,
        ) -> CallResult:
            """Create an agent — POST /api/agents

            Creates an agent account: name, surname, login, password and number are required.

            Parameters:
                name (string, required, example 'Jan'): The agent's first name. Required.
                surname (string, required, example 'Kowalski'): The agent's surname. Required.
                login (string, required, example 'jkowalski'): The agent's login. Required.
                password (string, required): The agent's password. Required.
                number (string, required, example '101'): The agent's phone number. Required. String type inferred (a
                    number may start with 0).
                email (string, optional, example 'jan.kowalski@example.org'): The agent's e-mail address.
                change_password (boolean, optional, example True): Ask the agent to change the password (inferred from
                    the name). Default false.
                callerid (string, optional): Number shown to called parties.
                language (string, optional, example 'pl'): pl or en.
                active (boolean, optional, example True): Whether the account is active. Default false.
                outbound_mode (string, optional, example 'manual'): manual or auto.
                roles (array, optional): Roles of the agent (form of the items not documented, not checked).
            """

        def free(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Set the agent FREE — POST /api/agents/{login}/free

            Makes the agent available, status FREE (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def get(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Get one agent — GET /api/agents/{login}

            An agent's account: id, login, name, surname, e-mail, active, number, outbound mode, group.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def hangup(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Hang up the current call — POST /api/agents/{login}/hangup

            Ends the agent's current call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def hold(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Put the current call on hold — POST /api/agents/{login}/hold

            Holds the agent's current call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def login(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Log the agent in — POST /api/agents/{login}/login

            Logs the agent in to the contact centre (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def logout(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Log the agent out — POST /api/agents/{login}/logout

            Logs the agent out (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def mute(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Mute the agent — POST /api/agents/{login}/mute

            Mutes the agent's microphone in the current call (inferred from the name). Only the action's path is
            documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def pause(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Pause the agent — POST /api/agents/{login}/pause

            Puts the agent in the PAUSED status (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def status(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Get an agent's status — GET /api/agents/{login}/status

            The agent's current status (OFF, FREE, PAUSED, INBOUND_CALL, OUTBOUND_CALL, OUTBOUND_PREVIEW, CALL,
            RINGING), pause id and time of the last change.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def stop_recording(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Stop recording the current call — POST /api/agents/{login}/stop_recording

            Stops the recording of the agent's current call (inferred from the name). Only the action's path is
            documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def transfer(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Transfer the current call — POST /api/agents/{login}/transfer

            Transfers the agent's current call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def unhold(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Take the call off hold — POST /api/agents/{login}/unhold

            Resumes the held call (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """

        def unmute(
            self,
            *,
            login: str,
        ) -> CallResult:
            """Unmute the agent — POST /api/agents/{login}/unmute

            Unmutes the agent's microphone (inferred from the name). Only the action's path is documented.

            Parameters:
                login (string, required, example 'jkowalski'): The agent's login (the user login in Thulium). String
                    type inferred; it must not be empty because it is a path segment.
            """


class ChatConversationsEndpoints(EndpointGroup):
    """``client.chat_conversations``: the ``chat_conversations.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def delete(
            self,
            *,
            id: str,
        ) -> CallResult:
            """Delete a chat conversation — DELETE /api/chat_conversations/{id}

            Deletes a conversation. The details of this call (parameters beyond the id, response) were not found in the
            docs.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
            """

        def delete_content(
            self,
            *,
            id: str,
            participant: Literal["user", "customer", "both"],
        ) -> CallResult:
            """Delete the message content of a chat conversation — DELETE
            /api/chat_conversations/content/{id}/{participant}

            Deletes the content of the messages sent by one participant of a conversation (user, customer) or by both.
            The response body is empty.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
                participant (string, required, example 'both'): Whose messages to clear: user, customer or both.
            """

        def message(
            self,
            *,
            id: str,
            text: str | None = None,
            external_chatbot_id: str | None = None,
        ) -> CallResult:
            """Send a message in a chat conversation — POST /api/chat_conversations/{id}/message

            Adds a message to a conversation started with chat_conversations.start. The body is JSON, e.g. {"text":
            "Hello, world!"}; the response body is empty.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
                text (string, optional, example 'Hello, world!'): The text of the message. Optional.
                external_chatbot_id (string, optional): Id of the external chatbot acting in the conversation (a UUID).
                    Optional.
            """

        def start(
            self,
            *,
            chat_queue_id: int,
            client_name: str | None = None,
            client_surname: str | None = None,
            client_email: str | None = None,
            client_id: str | None = None,
            customer_id: int | None = None,
        ) -> CallResult:
            """Start a chat conversation — POST /api/chat_conversations/start

            Starts a chat conversation in a chat queue and returns its conversation_id. Order of matching clients from
            CRM (Kolejność dopasowania klientów z CRM): 1. customer_id, 2. client_id, 3. e-mail address (client_email).
            What happens when nothing matches is not documented.

            Parameters:
                chat_queue_id (integer, required, example 3): Id of the chat queue the conversation starts in. Integer
                    type and minimum 1 inferred from the documented example.
                client_name (string, optional, example 'Jan'): The client's first name.
                client_surname (string, optional, example 'Kowalski'): The client's surname.
                client_email (string, optional, example 'jan.kowalski@example.org'): The client's e-mail address; third
                    in the CRM matching order.
                client_id (string, optional, example '1234'): Your own (external) id of the client; second in the CRM
                    matching order. Not Thulium's customer id. String type inferred: an external id need not be numeric.
                customer_id (integer, optional, example 1): Id of the customer in Thulium's CRM; first in the CRM
                    matching order. Integer type and minimum 1 inferred from the documented example.
            """

        def stop(
            self,
            *,
            id: str,
            external_chatbot_id: str | None = None,
        ) -> CallResult:
            """Stop (end) a chat conversation — POST /api/chat_conversations/{id}/stop

            Ends a conversation. Afterwards chats.list shows it with status CLOSED. The response body is empty.

            Parameters:
                id (string, required, example '6ed7c941-2c8a-411e-95d2-338a9f64800a'): The conversation_id returned by
                    chat_conversations.start (a UUID). Type and format taken from the documented start example.
                external_chatbot_id (string, optional): Id of the external chatbot acting in the conversation (a UUID).
                    Optional.
            """


class ChatsReportsEndpoints(EndpointGroup):
    """``client.chats.reports``: the ``chats.reports.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def summary(
            self,
            *,
            date_from: str,
            date_to: str,
            limit: int | None = None,
            offset: int | None = None,
            user_logins: list[str] | None = None,
            sum_users: bool | None = None,
            aggregate_by: Literal["hour_of_day", "minute", "hour", "day", "week", "month", "year"] | None = None,
            chat_queue_ids: list[int] | None = None,
            response_threshold: int | None = None,
        ) -> CallResult:
            """Chat summary report — GET /api/chats/reports/summary

            A summary report of chats between two dates, per agent (or summed), aggregated by period.

            Parameters:
                date_from (string, required, example '2017-12-11'): Start of the report period. Required. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, required, example '2017-12-11'): End of the report period. Required. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                user_logins (array, optional, example ['jkowalski']): Only these agents (sent as user_logins[]=…).
                sum_users (boolean, optional, example True): Sum the agents into one row instead of one row per agent.
                    Default false.
                aggregate_by (string, optional, example 'day'): The period of each row (default month).
                chat_queue_ids (array, optional, example [3]): Only these chat queues (sent as chat_queue_ids[]=…).
                response_threshold (integer, optional, example 20): Seconds within which a chat counts as answered in
                    time (default 20). Integer type and minimum 0 inferred.
            """


class ChatsEndpoints(EndpointGroup):
    """``client.chats``: the ``chats.*`` endpoints."""

    reports = GroupAttribute("chats.reports", ChatsReportsEndpoints)

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def list(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            status: Literal["CREATED", "IN_PROGRESS", "CLOSED"] | None = None,
            chat_queue_id: int | None = None,
            include_messages: bool | None = None,
            include_files: bool | None = None,
            include_client_data: bool | None = None,
        ) -> CallResult:
            """List chat conversations (history) — GET /api/chats

            The chat history: conversations filtered by start date, status and chat queue. With include_messages,
            include_files and include_client_data the items carry more data.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Conversations started at or after this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Conversations started at or before this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                status (string, optional, example 'CLOSED'): Only conversations with this status (values from an older
                    page).
                chat_queue_id (integer, optional, example 3): Only conversations in this chat queue. Integer type and
                    minimum 1 inferred.
                include_messages (boolean, optional, example True): Add each conversation's messages. Default false.
                include_files (boolean, optional, example True): Add each conversation's files. Default false.
                include_client_data (boolean, optional, example True): Add the client's data. Default false.
            """

        def queues(self) -> CallResult:
            """List chat queues — GET /api/chats/queues

            Lists the chat queues. The shape of the response was not found in the docs, so the response schema only
            requires JSON (an object or an array).

            Parameters:
            """


class CompaniesEndpoints(EndpointGroup):
    """``client.companies``: the ``companies.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def create(
            self,
            *,
            name: str | None = None,
            customer_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            nip: str | None = None,
            account_manager: str | None = None,
            address: dict[str, Any] | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Create a CRM company — POST /api/companies

            Adds a company to the CRM; answers 201 with the new company_id (known from third-party code).

            Parameters:
                name (string, optional, example 'Example'): The company's name.
                customer_id (integer, optional, example 273): A CRM customer linked to the company. Integer type and
                    minimum 1 inferred.
                type (string, optional): Company type.
                group (string, optional): Company group.
                nip (string, optional): Tax id (NIP).
                account_manager (string, optional): The company's account manager (form not documented).
                address (object, optional): Postal address: street, building, flat, postcode, city, country (the same
                    fields as a customer's address, inferred).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
            """

        def delete(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Delete a CRM company — DELETE /api/companies/{id}

            Removes a company from the CRM.

            Parameters:
                id (integer, required, example 1): Id of the company. Integer type and minimum 1 inferred.
            """

        def get(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Get one CRM company — GET /api/companies/{id}

            One company of the CRM: name, company_id, customer_id, type, group, nip, account_manager, address and
            custom_fields.

            Parameters:
                id (integer, required, example 1): Id of the company. Integer type and minimum 1 inferred.
            """

        def list(self) -> CallResult:
            """List CRM companies — GET /api/companies

            Lists the CRM's companies. Parameters and response shape are not documented.

            Parameters:
            """

        def update(
            self,
            *,
            id: int,
            name: str | None = None,
            customer_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            nip: str | None = None,
            account_manager: str | None = None,
            address: dict[str, Any] | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Update a CRM company — PUT /api/companies/{id}

            Changes a company's fields (none required).

            Parameters:
                id (integer, required, example 1): Id of the company. Integer type and minimum 1 inferred.
                name (string, optional, example 'Example'): The company's name.
                customer_id (integer, optional, example 273): A CRM customer linked to the company. Integer type and
                    minimum 1 inferred.
                type (string, optional): Company type.
                group (string, optional): Company group.
                nip (string, optional): Tax id (NIP).
                account_manager (string, optional): The company's account manager (form not documented).
                address (object, optional): Postal address: street, building, flat, postcode, city, country (the same
                    fields as a customer's address, inferred).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
            """


class ConnectionsEndpoints(EndpointGroup):
    """``client.connections``: the ``connections.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def call(
            self,
            *,
            sip: str | None = None,
            phone_number: str | None = None,
        ) -> CallResult:
            """Connect a SIP extension with a phone number — POST /api/connections/call

            Starts a call between the SIP extension sip and phone_number.

            Parameters:
                sip (string, optional, example '101'): The SIP extension to connect.
                phone_number (string, optional, example '222333444'): Number to call.
            """

        def list(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            src: str | None = None,
            dst: str | None = None,
            connection_id: str | None = None,
            user_login: str | None = None,
            queue_id: int | None = None,
            topic_id: int | None = None,
            customer_id: int | None = None,
            tags: builtins.list[str | int] | None = None,
            include_tags: bool | None = None,
            include_topics: bool | None = None,
        ) -> CallResult:
            """List connections (call history) — GET /api/connections

            The call history: connections filtered by date, numbers, agent, queue, topic, customer and tags.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Connections at or after this date. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Connections at or before this date. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                src (string, optional, example '222333444'): Calling number.
                dst (string, optional, example '222333444'): Called number.
                connection_id (string, optional): One connection (the id's form is not documented).
                user_login (string, optional, example 'jkowalski'): Connections of this agent.
                queue_id (integer, optional, example 1): Connections through this queue. Integer type and minimum 1
                    inferred.
                topic_id (integer, optional, example 1): Connections with this topic. Integer type and minimum 1
                    inferred.
                customer_id (integer, optional, example 273): Connections of this CRM customer. Integer type and minimum
                    1 inferred.
                tags (array, optional): Connections with these tags (sent as tags[]=…; the items' form is not
                    documented).
                include_tags (boolean, optional, example True): Add each connection's tags. Default false.
                include_topics (boolean, optional, example True): Add each connection's topics. Default false.
            """


class CustomersEndpoints(EndpointGroup):
    """``client.customers``: the ``customers.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def batch_create(
            self,
            *,
            customers: builtins.list[dict[str, Any]],
        ) -> CallResult:
            """Create CRM customers in a batch — POST /api/batch/customers

            Adds several customers in one call: {"customers": [ … ]}.

            Parameters:
                customers (array, required, example [{'name': 'Jan', 'surname': 'Kowalski'}]): The customers to create.
            """

        def create(
            self,
            *,
            surname: str,
            name: str | None = None,
            email: str | None = None,
            phone_number: str | builtins.list[str] | None = None,
            company_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            identifier: str | None = None,
            gender: Any = None,
            homepage: str | None = None,
            birthdate: str | None = None,
            nip: str | None = None,
            note: str | None = None,
            pesel: str | None = None,
            job: str | None = None,
            job_title: str | None = None,
            account_manager: str | None = None,
            custom_fields: dict[str, Any] | None = None,
            fill_read_only_custom_fields: bool | None = None,
            vip: bool | None = None,
            address: dict[str, Any] | None = None,
            invoice_address: dict[str, Any] | None = None,
            mail_drop_address: dict[str, Any] | None = None,
        ) -> CallResult:
            """Create a CRM customer — POST /api/customers

            Adds a customer to the CRM. Only surname is required. Addresses are objects with street, building, flat,
            postcode, city and country.

            Parameters:
                surname (string, required, example 'Kowalski'): The customer's surname. Required.
                name (string, optional, example 'Jan'): The customer's first name.
                email (string, optional, example 'jan.kowalski@example.org'): The customer's e-mail address.
                phone_number (string|array, optional, example '222333444'): One phone number, or a list of them
                    (documented: one or many).
                company_id (integer, optional, example 1): Id of the customer's company in the CRM. Integer type and
                    minimum 1 inferred.
                type (string, optional): The customer's type (CRM dictionary value).
                group (string, optional): The customer's group (CRM dictionary value).
                identifier (string, optional): Your identifier of the customer.
                gender (any, optional): The customer's gender; the accepted values are not documented. Type not
                    documented, so not checked.
                homepage (string, optional): The customer's web page.
                birthdate (string, optional): The customer's date of birth; its format is not documented.
                nip (string, optional): Tax id (NIP).
                note (string, optional): A free-text note.
                pesel (string, optional): Polish personal id number (PESEL).
                job (string, optional): The customer's job.
                job_title (string, optional): The customer's job title.
                account_manager (string, optional): The customer's account manager (an agent; the value's form is not
                    documented).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
                fill_read_only_custom_fields (boolean, optional, example True): Also set custom fields that are
                    read-only in the panel (inferred from the name). Default false.
                vip (boolean, optional, example True): Mark the customer as VIP. Default false.
                address (object, optional): Postal address: street, building, flat, postcode, city, country.
                invoice_address (object, optional): Invoice address (same fields as address).
                mail_drop_address (object, optional): Correspondence address (same fields as address).
            """

        def delete(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Delete a CRM customer — DELETE /api/customers/{id}

            Removes a customer from the CRM.

            Parameters:
                id (integer, required, example 273): Id of the customer in Thulium. Integer type and minimum 1 inferred.
            """

        def get(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Get one CRM customer — GET /api/customers/{id}

            One customer of the CRM by Thulium id.

            Parameters:
                id (integer, required, example 273): Id of the customer in Thulium. Integer type and minimum 1 inferred.
            """

        def list(
            self,
            *,
            identifier: str | None = None,
            email: str | None = None,
            phone_number: str | None = None,
            nip: str | None = None,
            company_id: int | None = None,
            company_flag: Any = None,
            type: str | None = None,
            group: str | None = None,
            custom_fields: dict[str, builtins.list[str]] | None = None,
            include_custom_fields: bool | None = None,
            include_address: bool | None = None,
            include_invoice_address: bool | None = None,
            include_mail_drop_address: bool | None = None,
            limit: int | None = None,
            offset: int | None = None,
        ) -> CallResult:
            """List / search CRM customers — GET /api/customers

            Searches the CRM's customers by identifier, e-mail, phone number, NIP, company, type, group and custom
            fields.

            Parameters:
                identifier (string, optional): Your identifier of the customer.
                email (string, optional, example 'jan.kowalski@example.org'): The customer's e-mail address.
                phone_number (string, optional, example '222333444'): The customer's phone number.
                nip (string, optional): Tax id (NIP).
                company_id (integer, optional, example 1): Customers of this company. Integer type and minimum 1
                    inferred.
                company_flag (any, optional): Filter by the company flag. Type not documented, so not checked.
                type (string, optional): Customer type.
                group (string, optional): Customer group.
                custom_fields (object, optional, example {'Segment': ['VIP']}): Filter by CRM custom fields, sent as
                    custom_fields[Name][i]=value: an object mapping a field name to a list of values.
                include_custom_fields (boolean, optional, example True): Add custom_fields to each customer. Default
                    false.
                include_address (boolean, optional, example True): Add the address. Default false.
                include_invoice_address (boolean, optional, example True): Add the invoice address. Default false.
                include_mail_drop_address (boolean, optional, example True): Add the correspondence address. Default
                    false.
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 1000).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
            """

        def update(
            self,
            *,
            id: int,
            surname: str | None = None,
            name: str | None = None,
            email: str | None = None,
            phone_number: str | builtins.list[str] | None = None,
            company_id: int | None = None,
            type: str | None = None,
            group: str | None = None,
            identifier: str | None = None,
            gender: Any = None,
            homepage: str | None = None,
            birthdate: str | None = None,
            nip: str | None = None,
            note: str | None = None,
            pesel: str | None = None,
            job: str | None = None,
            job_title: str | None = None,
            account_manager: str | None = None,
            custom_fields: dict[str, Any] | None = None,
            fill_read_only_custom_fields: bool | None = None,
            vip: bool | None = None,
            address: dict[str, Any] | None = None,
            invoice_address: dict[str, Any] | None = None,
            mail_drop_address: dict[str, Any] | None = None,
        ) -> CallResult:
            """Update a CRM customer — PUT /api/customers/{id}

            Changes a customer's fields (the fields of customers.create; none required).

            Parameters:
                id (integer, required, example 273): Id of the customer in Thulium. Integer type and minimum 1 inferred.
                surname (string, optional, example 'Kowalski'): The customer's surname.
                name (string, optional, example 'Jan'): The customer's first name.
                email (string, optional, example 'jan.kowalski@example.org'): The customer's e-mail address.
                phone_number (string|array, optional, example '222333444'): One phone number, or a list of them
                    (documented: one or many).
                company_id (integer, optional, example 1): Id of the customer's company in the CRM. Integer type and
                    minimum 1 inferred.
                type (string, optional): The customer's type (CRM dictionary value).
                group (string, optional): The customer's group (CRM dictionary value).
                identifier (string, optional): Your identifier of the customer.
                gender (any, optional): The customer's gender; the accepted values are not documented. Type not
                    documented, so not checked.
                homepage (string, optional): The customer's web page.
                birthdate (string, optional): The customer's date of birth; its format is not documented.
                nip (string, optional): Tax id (NIP).
                note (string, optional): A free-text note.
                pesel (string, optional): Polish personal id number (PESEL).
                job (string, optional): The customer's job.
                job_title (string, optional): The customer's job title.
                account_manager (string, optional): The customer's account manager (an agent; the value's form is not
                    documented).
                custom_fields (object, optional, example {'Segment': 'VIP'}): Values of the CRM custom fields, by field
                    name.
                fill_read_only_custom_fields (boolean, optional, example True): Also set custom fields that are
                    read-only in the panel (inferred from the name). Default false.
                vip (boolean, optional, example True): Mark the customer as VIP. Default false.
                address (object, optional): Postal address: street, building, flat, postcode, city, country.
                invoice_address (object, optional): Invoice address (same fields as address).
                mail_drop_address (object, optional): Correspondence address (same fields as address).
            """


class QueuesEndpoints(EndpointGroup):
    """``client.queues``: the ``queues.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def schedule_call(
            self,
            *,
            id: int,
            phone_number: str,
            call_at: str | None = None,
        ) -> CallResult:
            """Schedule a call back from a queue — POST /api/queues/{id}/schedule_call

            Schedules a call to phone_number through the queue, optionally at call_at.

            Parameters:
                id (integer, required, example 1): Id of the call queue. Integer type and minimum 1 inferred.
                phone_number (string, required, example '222333444'): Number to call. Required.
                call_at (string, optional): When to call; format not documented.
            """

        def waiting_list(
            self,
            *,
            id: int,
        ) -> CallResult:
            """List the callers waiting in a queue — GET /api/queues/{id}/waiting_list

            The callers waiting in a call queue: phone number, since when, and the matched CRM customer (or null).

            Parameters:
                id (integer, required, example 1): Id of the call queue. Integer type and minimum 1 inferred.
            """

        def waiting_stats(
            self,
            *,
            id: int,
        ) -> CallResult:
            """Waiting statistics of a queue — GET /api/queues/{id}/waiting_stats

            Approximate waiting time and the number of callers in a call queue.

            Parameters:
                id (integer, required, example 1): Id of the call queue. Integer type and minimum 1 inferred.
            """


class RecordingsEndpoints(EndpointGroup):
    """``client.recordings``: the ``recordings.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def list(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            src: str | None = None,
            dst: str | None = None,
            connection_id: str | None = None,
            user_login: str | None = None,
            queue_id: int | None = None,
            topic_id: int | None = None,
            customer_id: int | None = None,
            tags: builtins.list[str | int] | None = None,
            include_tags: bool | None = None,
            include_topics: bool | None = None,
        ) -> CallResult:
            """List call recordings — GET /api/recordings

            Recordings of connections: the same filters and fields as connections.list, plus created_at.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Connections at or after this date. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Connections at or before this date. Format YYYY-MM-DD
                    or YYYY-MM-DD HH:MM (documented for date filters).
                src (string, optional, example '222333444'): Calling number.
                dst (string, optional, example '222333444'): Called number.
                connection_id (string, optional): One connection (the id's form is not documented).
                user_login (string, optional, example 'jkowalski'): Connections of this agent.
                queue_id (integer, optional, example 1): Connections through this queue. Integer type and minimum 1
                    inferred.
                topic_id (integer, optional, example 1): Connections with this topic. Integer type and minimum 1
                    inferred.
                customer_id (integer, optional, example 273): Connections of this CRM customer. Integer type and minimum
                    1 inferred.
                tags (array, optional): Connections with these tags (sent as tags[]=…; the items' form is not
                    documented).
                include_tags (boolean, optional, example True): Add each connection's tags. Default false.
                include_topics (boolean, optional, example True): Add each connection's topics. Default false.
            """


class TemporaryFilesEndpoints(EndpointGroup):
    """``client.temporary_files``: the ``temporary_files.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def upload(
            self,
            *,
            content: str | bytes,
            filename: str | None = None,
        ) -> CallResult:
            """Upload a temporary file (for attachments) — POST /api/temporary_files

            Uploads a file as the raw request body (application/octet-stream), filename in the query string. The file is
            kept 24 h; pass its token in a ticket's attachments.

            Parameters:
                content (any, required, example 'Hello, world!'): The file's bytes, sent as the raw body (text is
                    encoded as UTF-8). Required: the call uploads this body (inferred). Any JSON type other than a
                    string is refused.
                filename (string, optional, example 'invoice.pdf'): Name of the file.
            """


class TicketsEndpoints(EndpointGroup):
    """``client.tickets``: the ``tickets.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def agent_response(
            self,
            *,
            id: int,
            body: str,
            user_login: str,
            body_type: Literal["PLAIN", "HTML"] | None = None,
            date: str | None = None,
            attachments: builtins.list[str] | None = None,
        ) -> CallResult:
            """Add an agent's response to a ticket — POST /api/tickets/{id}/agent_response

            Adds a response written by an agent; body and user_login are required. Answers [] (an empty JSON array).

            Parameters:
                id (integer, required, example 1232): Id of the ticket. Integer type and minimum 1 inferred.
                body (string, required, example 'Hello, world!'): The response text. Required.
                user_login (string, required, example 'jkowalski'): The agent answering. Required.
                body_type (string, optional, example 'HTML'): HTML (default) or PLAIN (values as for tickets.create,
                    inferred).
                date (string, optional): Date of the response; its format is not documented.
                attachments (array, optional): Tokens of files uploaded with temporary_files.upload.
            """

        def create(
            self,
            *,
            to: str,
            subject: str,
            body: str,
            body_type: Literal["PLAIN", "HTML"] | None = None,
            from_: str | None = None,
            comment: str | None = None,
            cc: builtins.list[str] | None = None,
            attachments: builtins.list[str] | None = None,
            source: Literal["email", "phone", "sms", "chat", "www"] | None = None,
            direction: Literal["in_behalf_of", "out"] | None = None,
            user_login: str | None = None,
            customer_id: int | None = None,
            tags: builtins.list[str] | None = None,
            status_id: int | None = None,
            substatus_id: int | None = None,
            category_id: int | None = None,
            ticket_queue_id: int | None = None,
            custom_fields: dict[str, Any] | None = None,
        ) -> CallResult:
            """Create a ticket — POST /api/tickets

            Creates a ticket: to, subject and body are required. Attachments are tokens from temporary_files.upload.

            Parameters:
                to (string, required, example 'jan.kowalski@example.org'): Recipient of the ticket. Required.
                subject (string, required, example 'Hello, world!'): Subject. Required.
                body (string, required, example 'Hello, world!'): Body of the first message. Required.
                body_type (string, optional, example 'PLAIN'): PLAIN (default) or HTML.
                from (string, optional, example 'jan.kowalski@example.org'): Sender.
                comment (string, optional): A comment.
                cc (array, optional, example ['jan.kowalski@example.org']): Copy recipients.
                attachments (array, optional): Tokens of files uploaded with temporary_files.upload.
                source (string, optional, example 'email'): email (default), phone, sms, chat or www.
                direction (string, optional, example 'in_behalf_of'): in_behalf_of (default) or out.
                user_login (string, optional, example 'jkowalski'): Agent to assign.
                customer_id (integer, optional, example 273): CRM customer of the ticket. Integer type and minimum 1
                    inferred.
                tags (array, optional): Tags.
                status_id (integer, optional, example 2): Status. Integer type and minimum 1 inferred.
                substatus_id (integer, optional): Substatus. Integer type and minimum 1 inferred.
                category_id (integer, optional): Category. Integer type and minimum 1 inferred.
                ticket_queue_id (integer, optional, example 1): Queue. Integer type and minimum 1 inferred.
                custom_fields (object, optional): Custom field values by name.
            """

        def get(
            self,
            *,
            id: int,
            include_custom_fields: bool | None = None,
        ) -> CallResult:
            """Get one ticket with its messages — GET /api/tickets/{id}

            One ticket and its messages (MAIL, REPLY, COMMENT).

            Parameters:
                id (integer, required, example 1232): Id of the ticket. Integer type and minimum 1 inferred.
                include_custom_fields (boolean, optional, example True): Add the ticket's custom fields. Default false.
            """

        def list(
            self,
            *,
            limit: int | None = None,
            offset: int | None = None,
            date_from: str | None = None,
            date_to: str | None = None,
            create_date_from: str | None = None,
            create_date_to: str | None = None,
            company_id: int | None = None,
            customer_id: int | None = None,
            user_login: str | None = None,
            source: str | None = None,
            ticket_queue_id: int | None = None,
            category_id: int | None = None,
            message_id: int | None = None,
            status_id: builtins.list[int] | None = None,
            custom_fields: dict[str, builtins.list[str]] | None = None,
        ) -> CallResult:
            """List tickets — GET /api/tickets

            Tickets, newest first, filtered by modification or creation date, company, customer, agent, source, queue,
            category, message and status.

            Parameters:
                limit (integer, optional, example 100): How many items to return at most (default 100, maximum 100).
                    Integer type and minimum 1 inferred.
                offset (integer, optional, example 0): How many items to skip (default 0). Integer type and minimum 0
                    inferred.
                date_from (string, optional, example '2017-12-11'): Tickets modified at or after this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                date_to (string, optional, example '2017-12-11'): Tickets modified at or before this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                create_date_from (string, optional, example '2017-12-11'): Tickets created at or after this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                create_date_to (string, optional, example '2017-12-11'): Tickets created at or before this date. Format
                    YYYY-MM-DD or YYYY-MM-DD HH:MM (documented for date filters).
                company_id (integer, optional, example 1): Tickets of this company. Integer type and minimum 1 inferred.
                customer_id (integer, optional, example 273): Tickets of this customer. Integer type and minimum 1
                    inferred.
                user_login (string, optional, example 'jkowalski'): Tickets of this agent.
                source (string, optional, example 'email'): Tickets from this source (the create values are email,
                    phone, sms, chat, www; not restricted here).
                ticket_queue_id (integer, optional, example 1): Tickets in this queue. Integer type and minimum 1
                    inferred.
                category_id (integer, optional, example 1): Tickets in this category. Integer type and minimum 1
                    inferred.
                message_id (integer, optional, example 1): The ticket containing this message. Integer type and minimum
                    1 inferred.
                status_id (array, optional, example [1, 2]): Tickets with any of these statuses (sent as status_id[]=…).
                custom_fields (object, optional, example {'Segment': ['VIP']}): Filter by CRM custom fields, sent as
                    custom_fields[Name][i]=value: an object mapping a field name to a list of values.
            """


class WebhooksEndpoints(EndpointGroup):
    """``client.webhooks``: the ``webhooks.*`` endpoints."""

    if TYPE_CHECKING:  # at run time EndpointGroup makes each method from the client's catalog

        def create(
            self,
            *,
            actions: list[str],
            subscription_url: str,
            http_auth_user: str | None = None,
            http_auth_password: str | None = None,
        ) -> CallResult:
            """Register a webhook — POST /api/webhooks

            Subscribes your URL to events: Thulium then POSTs each event's payload to subscription_url (check a received
            payload with `thulium-explore verify-webhook`).

            Parameters:
                actions (array, required, example ['CHAT_CONVERSATION_CREATED', 'CHAT_CONVERSATION_CLOSED']): The events
                    to subscribe to, e.g. CHAT_CONVERSATION_CREATED, CHAT_AGENT_ASSIGNED, CHAT_CONVERSATION_CLOSED,
                    CUSTOMER_CREATED.
                subscription_url (string, required, example 'https://example.org/thulium-webhook'): Your URL that
                    receives the events.
                http_auth_user (string, optional, example 'thulium'): User name Thulium sends (Basic auth) when calling
                    your URL.
                http_auth_password (string, optional): Password Thulium sends (Basic auth) when calling your URL.
            """


class EndpointGroups:
    """The endpoint groups, as typed attributes of :class:`ThuliumClient` (``client.chats``)."""

    agents = GroupAttribute("agents", AgentsEndpoints)
    chat_conversations = GroupAttribute("chat_conversations", ChatConversationsEndpoints)
    chats = GroupAttribute("chats", ChatsEndpoints)
    companies = GroupAttribute("companies", CompaniesEndpoints)
    connections = GroupAttribute("connections", ConnectionsEndpoints)
    customers = GroupAttribute("customers", CustomersEndpoints)
    queues = GroupAttribute("queues", QueuesEndpoints)
    recordings = GroupAttribute("recordings", RecordingsEndpoints)
    temporary_files = GroupAttribute("temporary_files", TemporaryFilesEndpoints)
    tickets = GroupAttribute("tickets", TicketsEndpoints)
    webhooks = GroupAttribute("webhooks", WebhooksEndpoints)
