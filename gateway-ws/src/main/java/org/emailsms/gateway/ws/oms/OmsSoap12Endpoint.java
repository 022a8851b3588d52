package org.emailsms.gateway.ws.oms;

import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;

/**
 * The same operations for callers that speak SOAP 1.2 ({@code application/soap+xml}), as .NET's
 * asmx services, on which Microsoft built the protocol, answer both. Such a request to
 * {@code /ws/oms} is handed here by {@link Soap12Dispatch}; faults go back as SOAP 1.2 faults.
 */
@WebServiceProvider(serviceName = "OMSService", portName = "OMSServiceSoap12", targetNamespace = OmsDocuments.NS,
        wsdlLocation = "WEB-INF/wsdl/oms.wsdl")
@ServiceMode(Service.Mode.PAYLOAD)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class OmsSoap12Endpoint extends OmsEndpoint {
}
